import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import type { Answers } from './answers';
import { problemsErrorSchema, type FieldProblem } from './field-problems';
import { useFormT } from './use-form-t';
import { sectionItemIds, sectionSchema, type QuestionnaireItemRef } from './form-schema';
import { libraryTranslator } from './library-strings';
import { serverCheckedValidator } from './server-checked-validator';
import { evidenceDefaults } from '../evidence/evidence-defaults';
import { EvidenceField } from '../evidence/evidence-field';
import { EvidenceScope } from '../evidence/evidence-scope';
import { templates } from './templates';
import { buildUiSchema, type QuestionnaireTexts } from './ui-schema';
import { widgets } from './widgets';

const fields = { evidence: EvidenceField };

export interface SectionFormProps {
  schema: RJSFSchema;
  items: readonly QuestionnaireItemRef[];
  texts: QuestionnaireTexts;
  theme: string;
  /** The answers of the whole questionnaire; the form shows and changes those of its section. */
  answers: Answers;
  onChange: (answers: Answers) => void;
  /** Problems to show at their fields (a refused save, what still stands before submitting). */
  problems?: readonly FieldProblem[];
  /** The evaluation whose files the evidence fields cite and upload to (none: they only count). */
  evaluationId?: string;
  /** Shown, not changed: the answers were submitted. */
  readonly?: boolean;
}

const NO_PROBLEMS: readonly FieldProblem[] = [];

/** One section (theme) of a questionnaire as a form, rendered from its frozen schema. */
export function SectionForm({
  schema,
  items,
  texts,
  theme,
  answers,
  onChange,
  problems = NO_PROBLEMS,
  evaluationId,
  readonly = false,
}: SectionFormProps) {
  const t = useFormT();
  const ids = useMemo(() => sectionItemIds(items, theme), [items, theme]);
  const formSchema = useMemo(() => sectionSchema(schema, items, theme), [schema, items, theme]);
  const uiSchema = useMemo(() => buildUiSchema(formSchema, ids, texts), [formSchema, ids, texts]);
  const translateString = useMemo(() => libraryTranslator(t), [t]);
  const sectionAnswers = useMemo(
    () => Object.fromEntries(ids.filter((id) => id in answers).map((id) => [id, answers[id]])),
    [ids, answers],
  );
  const extraErrors = useMemo(() => problemsErrorSchema(problems, t, ids), [problems, t, ids]);
  // The templates read a group's own problems here (the form hands them only their children's).
  const formContext = useMemo(() => ({ problems: extraErrors }), [extraErrors]);
  const scope = useMemo(() => (evaluationId ? { evaluationId } : undefined), [evaluationId]);
  return (
    <EvidenceScope value={scope}>
      <Form<Answers, RJSFSchema>
        schema={formSchema}
        uiSchema={uiSchema}
        validator={serverCheckedValidator}
        formData={sectionAnswers}
        extraErrors={extraErrors}
        formContext={formContext}
        experimental_defaultFormStateBehavior={evidenceDefaults}
        onChange={(event) => onChange({ ...answers, ...(event.formData ?? {}) })}
        templates={templates}
        widgets={widgets}
        fields={fields}
        translateString={translateString}
        showErrorList={false}
        noHtml5Validate
        readonly={readonly}
        idPrefix="q"
        className="q-form"
      />
    </EvidenceScope>
  );
}
