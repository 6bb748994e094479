import { Button, Text } from '@mantine/core';
import { useLocale } from '../i18n/i18n-context';
import type { EvidenceTranslator } from './evidence-messages';
import { formatDuration } from './format';
import type { UploadPhase } from './upload-task';
import { useEvidenceT } from './use-evidence-t';

/** A file the person chose, and where its upload stands. */
export interface Upload {
  key: number;
  name: string;
  phase: UploadPhase;
}

/** One file being sent, waiting, or refused: what happens to it is said beside its name. */
export function UploadRow({
  upload,
  max,
  maxItems,
  onCancel,
  onDismiss,
}: {
  upload: Upload;
  max: string;
  maxItems: number | undefined;
  onCancel: () => void;
  onDismiss: () => void;
}) {
  const t = useEvidenceT();
  const { language } = useLocale();
  const { phase } = upload;
  return (
    <li className="ev-upload" data-upload={upload.name}>
      <Text fw={600} className="ev-name">
        {upload.name}
      </Text>
      {phase.kind === 'sending' && (
        <>
          <progress
            className="ev-progress"
            max={Math.max(phase.total, 1)}
            value={phase.sent}
            aria-label={upload.name}
          />
          <Text size="sm">
            {t('sending', { percent: String(phase.total > 0 ? Math.floor((phase.sent / phase.total) * 100) : 0) })}
            {phase.secondsLeft !== undefined &&
              ` — ${t('timeLeft', { time: formatDuration(phase.secondsLeft, language) })}`}
          </Text>
        </>
      )}
      {phase.kind === 'waiting-network' && (
        <Text size="sm" role="status">
          {t('waitingNetwork')}
        </Text>
      )}
      {phase.kind === 'waiting-retry' && (
        <Text size="sm" role="status">
          {t('waitingRetry', { seconds: String(phase.seconds) })}
        </Text>
      )}
      {phase.kind === 'refused' && (
        <Text size="sm" c="red.9" role="alert">
          {refusalText(t, phase, max, maxItems)}
        </Text>
      )}
      <Button variant="default" size="xs" onClick={phase.kind === 'refused' ? onDismiss : onCancel}>
        {phase.kind === 'refused' ? t('dismiss') : t('cancel')}
      </Button>
    </li>
  );
}

function refusalText(
  t: EvidenceTranslator,
  phase: Extract<UploadPhase, { kind: 'refused' }>,
  max: string,
  maxItems: number | undefined,
): string {
  switch (phase.reason) {
    case 'too-large':
      return t('tooLarge', { max });
    case 'wrong-type':
      return t('wrongType');
    case 'too-many':
      return t('tooMany', { max: String(maxItems) });
    case 'empty':
      return t('empty');
    case 'signed-out':
      return t('signedOut');
    case 'failed':
      return t('failed', { requestId: phase.requestId ?? '—' });
  }
}
