import { Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { getUiOptions, type FieldPathList, type FieldProps, type RJSFSchema } from '@rjsf/utils';
import type { Answers } from '../questionnaire/answers';
import { useEvidenceScope } from './evidence-scope';
import { useEvidenceT } from './use-evidence-t';

// Loaded when a page gives the field its evaluation: it talks to the api, which a form rendered
// on its own (its specs) has none of.
const CitedFiles = lazy(() => import('./cited-files').then((module) => ({ default: module.CitedFiles })));

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
  const count = <Text size="sm">{t('citedCount', { count: String(cited.length) })}</Text>;
  return (
    <fieldset id={fieldPathId.$id} className="q-group q-evidence">
      <legend className="q-group-label">{title}</legend>
      {scope ? (
        <Suspense fallback={count}>
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
        </Suspense>
      ) : (
        count
      )}
    </fieldset>
  );
}
