import { Text } from '@mantine/core';
import { useLocale } from '../i18n/i18n-context';
import type { FormMessageKey } from '../questionnaire/form-messages';
import { useFormT } from '../questionnaire/use-form-t';
import type { SaverSnapshot } from './draft-saver';

const SAYS: Record<Exclude<SaverSnapshot['status'], 'saved'>, FormMessageKey> = {
  pending: 'save.notYet',
  saving: 'save.saving',
  offline: 'save.offline',
  frozen: 'save.frozen',
  refused: 'save.refused',
};

/** "Saved at hh:mm" or why not yet, announced politely to a screen reader. */
export function SaveState({ snapshot }: { snapshot: SaverSnapshot }) {
  const t = useFormT();
  const { language } = useLocale();
  const { status, savedAt, problems } = snapshot;
  const time = (at: string) =>
    new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(at));
  let text: string;
  if (status !== 'saved') text = t(SAYS[status]);
  else text = savedAt ? t('save.savedAt', { time: time(savedAt) }) : '';
  return (
    <div role="status" className="q-save-state q-no-print" data-save-status={status}>
      <Text size="sm" c={status === 'offline' || status === 'frozen' || status === 'refused' ? 'red.9' : undefined}>
        {text}
      </Text>
      {problems.length > 0 && <Text size="sm">{t('save.heldBack')}</Text>}
    </div>
  );
}
