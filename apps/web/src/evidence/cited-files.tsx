import { Button, Group, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useLocale } from '../i18n/i18n-context';
import type { Attachment } from './evidence-api';
import { formatBytes } from './format';
import { UploadZone } from './upload-zone';
import { downloadAttachment, useAttachments } from './use-evidence';
import { useEvidenceT } from './use-evidence-t';

export interface CitedFilesProps {
  evaluationId: string;
  idBase: string;
  /** The field's label, to say which list a button acts on. */
  title: string;
  cited: readonly string[];
  maxItems: number | undefined;
  editable: boolean;
  onChange: (ids: string[]) => void;
}

/** The files an answer cites (name, size, hash, download, remove), the picker of the evaluation's others, and uploads. */
export function CitedFiles({ evaluationId, idBase, title, cited, maxItems, editable, onChange }: CitedFilesProps) {
  const t = useEvidenceT();
  const files = useAttachments(evaluationId);
  const byId = new Map((files.data ?? []).map((file) => [file.id, file]));
  const others = (files.data ?? []).filter((file) => !cited.includes(file.id));
  const full = maxItems !== undefined && cited.length >= maxItems;
  return (
    <div className="ev-field">
      {cited.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('none')}
        </Text>
      ) : (
        <ul className="ev-files" aria-label={title}>
          {cited.map((id) => (
            <CitedFile
              key={id}
              file={byId.get(id)}
              known={files.isSuccess}
              editable={editable}
              onRemove={() => onChange(cited.filter((other) => other !== id))}
            />
          ))}
        </ul>
      )}
      {editable && full && (
        <Text size="sm" c="gray.7">
          {t('tooMany', { max: String(maxItems) })}
        </Text>
      )}
      {editable && !full && (
        <>
          <Picker idBase={idBase} files={others} onPick={(id) => onChange([...cited, id])} />
          <UploadZone evaluationId={evaluationId} idBase={idBase} maxItems={maxItems} cited={cited} onCite={onChange} />
        </>
      )}
    </div>
  );
}

function CitedFile({
  file,
  known,
  editable,
  onRemove,
}: {
  file: Attachment | undefined;
  known: boolean;
  editable: boolean;
  onRemove: () => void;
}) {
  const t = useEvidenceT();
  const { language } = useLocale();
  const [failed, setFailed] = useState(false);
  const name = file?.filename ?? (known ? t('missingFile') : '…');
  return (
    <li className="ev-file" data-attachment={file?.id}>
      <Text fw={600} className="ev-name">
        {name}
      </Text>
      {file && (
        <Text size="sm" c="gray.7" className="ev-facts">
          {t('facts', { size: formatBytes(file.sizeBytes, language), sha: file.sha256 })}
        </Text>
      )}
      <Group gap="xs" className="q-no-print">
        {file && (
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setFailed(false);
              downloadAttachment(file.id, file.filename).catch(() => setFailed(true));
            }}
          >
            {t('download')}
            <VisuallyHidden>{` (${name})`}</VisuallyHidden>
          </Button>
        )}
        {editable && (
          <Button variant="default" size="xs" onClick={onRemove}>
            {t('remove')}
            <VisuallyHidden>{` (${name})`}</VisuallyHidden>
          </Button>
        )}
      </Group>
      {failed && (
        <Text c="red.9" size="sm" role="alert">
          {t('downloadFailed')}
        </Text>
      )}
    </li>
  );
}

/** Cites one of the evaluation's files already sent: chosen from a list, never typed. */
function Picker({ idBase, files, onPick }: { idBase: string; files: Attachment[]; onPick: (id: string) => void }) {
  const t = useEvidenceT();
  const { language } = useLocale();
  const [chosen, setChosen] = useState('');
  const id = `${idBase}__pick`;
  if (files.length === 0)
    return (
      <Text size="sm" c="gray.7">
        {t('pickNone')}
      </Text>
    );
  const value = files.some((file) => file.id === chosen) ? chosen : '';
  return (
    <Group align="end" gap="xs" className="q-no-print ev-pick">
      <NativeSelect
        id={id}
        label={t('pickLabel')}
        value={value}
        onChange={(event) => setChosen(event.currentTarget.value)}
        data={[
          { value: '', label: t('pickPlaceholder') },
          ...files.map((file) => ({
            value: file.id,
            label: `${file.filename} (${formatBytes(file.sizeBytes, language)})`,
          })),
        ]}
      />
      <Button
        variant="default"
        disabled={value === ''}
        onClick={() => {
          onPick(value);
          setChosen('');
        }}
      >
        {t('cite')}
      </Button>
    </Group>
  );
}
