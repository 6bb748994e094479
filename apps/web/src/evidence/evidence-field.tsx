import './evidence.css';
import { Text } from '@mantine/core';
import { getUiOptions, type FieldPathList, type FieldProps, type RJSFSchema } from '@rjsf/utils';
import type { Answers } from '../questionnaire/answers';
import { CitedFiles } from './cited-files';
import { useEvidenceScope } from './evidence-scope';
import { useEvidenceT } from './use-evidence';

/** An answer's evidence: the ids of the evaluation's files it cites, never typed by hand. */
export function EvidenceField({
  uiSchema,
  fieldPathId,
  formData,
  onChange,
  schema,
  disabled,
  readonly,
}: FieldProps<Answers, RJSFSchema>) {
  const t = useEvidenceT();
  const scope = useEvidenceScope();
  const title = String(getUiOptions<Answers, RJSFSchema>(uiSchema).title ?? '');
  // The form's fields are typed by the whole answers; this one's value is a list of file ids.
  const change = onChange as (value: string[] | undefined, path: FieldPathList) => void;
  const cited = Array.isArray(formData) ? formData.filter((id): id is string => typeof id === 'string') : [];
  return (
    <fieldset id={fieldPathId.$id} className="q-group q-evidence">
      <legend className="q-group-label">{title}</legend>
      {scope ? (
        <CitedFiles
          evaluationId={scope.evaluationId}
          idBase={fieldPathId.$id}
          title={title}
          cited={cited}
          maxItems={typeof schema.maxItems === 'number' ? schema.maxItems : undefined}
          editable={!disabled && !readonly}
          // An answer without evidence has no list at all (an empty one would be "too short").
          onChange={(ids) => change(ids.length > 0 ? ids : undefined, fieldPathId.path)}
        />
      ) : (
        <Text size="sm">{t('citedCount', { count: String(cited.length) })}</Text>
      )}
    </fieldset>
  );
}
