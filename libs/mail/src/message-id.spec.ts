import { messageIdFor } from './message-id';
import { decodeCursor, encodeCursor } from './outbox-cursor';

describe('message ids and ledger cursors', () => {
  it('derives the Message-ID from the row id and the sender domain', () => {
    const id = '3d1f4c7a-8a2b-4c55-9a11-1f0e2d3c4b5a';
    expect(messageIdFor(id, 'MESECVI Follow-up Platform <no-reply@mesecvi.oas.org>')).toBe(`<${id}@mesecvi.oas.org>`);
    expect(messageIdFor(id, 'no-reply@example.org')).toBe(`<${id}@example.org>`);
    expect(messageIdFor(id, 'not an address')).toBe(`<${id}@mesecvi.platform>`);
  });

  it('round-trips a cursor and refuses a forged one naming the parameter', () => {
    const cursor = { createdAt: new Date('2026-03-01T14:03:07.120Z'), id: '3d1f4c7a-8a2b-4c55-9a11-1f0e2d3c4b5a' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const bad of [
      'abc',
      Buffer.from('["x","y"]').toString('base64url'),
      Buffer.from('{}').toString('base64url'),
    ]) {
      expect(() => decodeCursor(bad)).toThrow(
        expect.objectContaining({
          code: 'validation_failed',
          options: { errors: [expect.objectContaining({ pointer: '/cursor' })] },
        }),
      );
    }
  });
});
