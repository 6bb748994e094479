import { reminderMailStatus } from './reminder-mail-status';

const mails = (...statuses: string[]) => statuses.map((status) => ({ status }));

describe('reminderMailStatus', () => {
  it('reads a queued reminder by its mails', () => {
    expect(reminderMailStatus('queued', mails('sent', 'sent'))).toBe('sent');
    expect(reminderMailStatus('queued', mails('sent', 'pending'))).toBe('sending');
    expect(reminderMailStatus('queued', mails('sent', 'failed'))).toBe('failed');
    expect(reminderMailStatus('queued', mails('cancelled'))).toBe('cancelled');
  });

  it('keeps the sweep’s word before mails exist and when none will', () => {
    expect(reminderMailStatus('planned', [])).toBe('planned');
    expect(reminderMailStatus('claimed', [])).toBe('sending');
    expect(reminderMailStatus('skipped', mails('skipped'))).toBe('skipped');
    expect(reminderMailStatus('superseded', [])).toBe('superseded');
    expect(reminderMailStatus('cancelled', [])).toBe('cancelled');
  });
});
