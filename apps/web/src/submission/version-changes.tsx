import { Title, Text } from '@mantine/core';
import type { UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { QueryState } from '../components/query-state';
import { AnswerValue } from '../questionnaire/answers-view';
import { sectionItemIds, sectionSchema, themesInOrder } from '../questionnaire/form-schema';
import { pointerLabel, uiOfPointer } from '../questionnaire/pointers';
import { buildUiSchema } from '../questionnaire/ui-schema';
import { useFormT } from '../questionnaire/use-form-t';
import type { EvaluationQuestionnaire } from '../questionnaire/use-questionnaire';
import { useSubmissionT } from './use-submission-t';
import { useSubmissionDiff } from './use-submissions';

/** The form's labels and widgets of every section at once, to show any answer as the form shows it. */
function useQuestionnaireUi(view: EvaluationQuestionnaire): UiSchema {
  return useMemo(
    () =>
      Object.assign(
        {},
        ...themesInOrder(view.items).map((theme) =>
          buildUiSchema(sectionSchema(view.schema, view.items, theme), sectionItemIds(view.items, theme), view.texts),
        ),
      ) as UiSchema,
    [view],
  );
}

/**
 * What changed from the version before `to`, as a person reads it: each change's question and
 * field in labels, and the values before and after as the answers view shows them.
 */
export function VersionChanges({
  evaluationId,
  to,
  view,
}: {
  evaluationId: string;
  to: number;
  view: EvaluationQuestionnaire;
}) {
  const ts = useSubmissionT();
  const t = useFormT();
  const diff = useSubmissionDiff(evaluationId, to - 1, to);
  const ui = useQuestionnaireUi(view);
  return (
    <section aria-labelledby="changes-title">
      <Title order={2} id="changes-title" mb="xs">
        {ts('changesTitle', { version: String(to - 1) })}
      </Title>
      <QueryState query={diff}>
        {(changes) =>
          changes.length === 0 ? (
            <Text>{ts('noChanges')}</Text>
          ) : (
            <ul className="version-changes">
              {changes.map((change) => {
                const fieldUi = uiOfPointer(ui, change.pointer);
                return (
                  <li key={change.pointer}>
                    <Text fw={600}>{pointerLabel(change.pointer, view.texts, t)}</Text>
                    <Text size="sm">{ts(change.change)}</Text>
                    <dl className="q-answer-fields">
                      {(['before', 'after'] as const)
                        .filter(
                          (side) =>
                            change.change === 'changed' || (side === 'before') === (change.change === 'removed'),
                        )
                        .map((side) => (
                          <div key={side}>
                            <dt>{ts(side)}</dt>
                            <dd>
                              <AnswerValue value={change[side]} ui={fieldUi} texts={view.texts} />
                            </dd>
                          </div>
                        ))}
                    </dl>
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </section>
  );
}
