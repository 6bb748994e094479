import { Button, FileButton, Group, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocale } from '../i18n/i18n-context';
import { uploadUrl, type Attachment } from './evidence-api';
import { formatBytes } from './format';
import { acceptAttribute, checkBeforeSending } from './preflight';
import { UploadTask, type UploadPhase } from './upload-task';
import { UploadRow, type Upload } from './upload-row';
import { attachmentsKey, browserUploadEnvironment, useEvidenceLimits } from './use-evidence';
import { useEvidenceT } from './use-evidence-t';
import { xhrSend } from './xhr-send';

export interface UploadZoneProps {
  evaluationId: string;
  idBase: string;
  /** How many files the answer may cite. */
  maxItems: number | undefined;
  cited: readonly string[];
  onCite: (ids: string[]) => void;
}

/**
 * Sends files (dropped, or chosen with the button) to the evaluation and cites each in the answer
 * once it is stored. Each file's progress, time left, waits and refusals are shown at the file.
 */
export function UploadZone({ evaluationId, idBase, maxItems, cited, onCite }: UploadZoneProps) {
  const t = useEvidenceT();
  const { language } = useLocale();
  const limits = useEvidenceLimits();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const tasks = useRef(new Map<number, UploadTask>());
  const nextKey = useRef(0);
  // Uploads end after later renders: they cite into the answer as it is then, not as it was.
  const latest = useRef({ cited, onCite });
  useEffect(() => {
    latest.current = { cited, onCite };
  });
  const startRef = useRef<(files: File[]) => void>(() => undefined);
  const dropZone = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const running = tasks.current;
    return () => {
      for (const task of running.values()) task.cancel();
    };
  }, []);

  const update = (key: number, phase: UploadPhase | undefined) =>
    setUploads((all) =>
      phase
        ? all.map((upload) => (upload.key === key ? { ...upload, phase } : upload))
        : all.filter((u) => u.key !== key),
    );

  const stored = (key: number, attachment: Attachment) => {
    tasks.current.delete(key);
    queryClient.setQueryData<Attachment[]>(attachmentsKey(evaluationId), (files = []) => [
      ...files.filter((file) => file.id !== attachment.id),
      attachment,
    ]);
    const next = [...latest.current.cited.filter((id) => id !== attachment.id), attachment.id];
    latest.current.cited = next;
    latest.current.onCite(next);
    update(key, undefined);
  };

  const start = (files: File[]) => {
    if (!limits.data) return;
    const inFlight = uploads.filter((upload) => upload.phase.kind !== 'refused').length;
    const room = (maxItems ?? Infinity) - cited.length;
    files.forEach((file, index) => {
      const key = nextKey.current++;
      const refusal = checkBeforeSending(file, limits.data);
      const phase: UploadPhase = refusal
        ? { kind: 'refused', reason: refusal }
        : inFlight + index >= room
          ? { kind: 'refused', reason: 'too-many' }
          : { kind: 'sending', sent: 0, total: file.size };
      setUploads((all) => [...all, { key, name: file.name, phase }]);
      if (phase.kind !== 'sending') return;
      const task = new UploadTask(
        browserUploadEnvironment(xhrSend(uploadUrl(window.location.origin, evaluationId), file, file.name)),
        (next) => {
          if (next.kind === 'done') stored(key, next.attachment);
          else if (next.kind === 'cancelled') update(key, undefined);
          else update(key, next);
        },
      );
      tasks.current.set(key, task);
      void task.run();
    });
  };

  useEffect(() => {
    startRef.current = start;
  });
  // Dropping is the mouse's shortcut to the choose button beside it (which the keyboard uses), so
  // the box listens for it without becoming a control of its own.
  useEffect(() => {
    const zone = dropZone.current;
    if (!zone) return;
    const over = (event: DragEvent) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      startRef.current([...(event.dataTransfer?.files ?? [])]);
    };
    zone.addEventListener('dragover', over);
    zone.addEventListener('drop', drop);
    return () => {
      zone.removeEventListener('dragover', over);
      zone.removeEventListener('drop', drop);
    };
  }, [limits.data]);

  if (!limits.data) return null;
  const max = formatBytes(limits.data.maxBytes, language);
  return (
    <div className="q-no-print">
      {uploads.length > 0 && (
        <ul className="ev-uploads">
          {uploads.map((upload) => (
            <UploadRow
              key={upload.key}
              upload={upload}
              max={max}
              maxItems={maxItems}
              onCancel={() => tasks.current.get(upload.key)?.cancel()}
              onDismiss={() => update(upload.key, undefined)}
            />
          ))}
        </ul>
      )}
      <div className="ev-drop" data-drop-zone={idBase} ref={dropZone}>
        <Group gap="xs" align="center">
          <Text size="sm">{t('drop')}</Text>
          <FileButton onChange={(chosen) => start(chosen)} accept={acceptAttribute(limits.data)} multiple>
            {(props) => (
              <Button {...props} variant="default" size="sm">
                {t('choose')}
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="sm" c="gray.7">
          {t('accepted', { max })}
        </Text>
      </div>
    </div>
  );
}
