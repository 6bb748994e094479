import './task-list.css';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { QueryState } from '../components/query-state';
import type { FormMessageKey } from './form-messages';
import { useFormT } from './use-form-t';
import { sectionItemIds, themesInOrder } from './form-schema';
import { sectionStatus, type SectionStatus } from './section-status';
import { useDraft, useEvaluationQuestionnaire } from './use-questionnaire';
import { SubmissionLinks } from '../submission/submission-links';

const STATUS_LABELS: Record<SectionStatus, FormMessageKey> = {
  notStarted: 'status.notStarted',
  inProgress: 'status.inProgress',
  complete: 'status.complete',
  problems: 'status.problems',
};

/** The questionnaire's sections, each with its status, and how many are complete. */
export default function QuestionnaireTaskList({ evaluationId }: { evaluationId: string }) {
  const t = useFormT();
  const questionnaire = useEvaluationQuestionnaire(evaluationId);
  const draft = useDraft(evaluationId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="task-list-title">
      <Title order={2} id="task-list-title">
        {t('taskListTitle')}
      </Title>
      <QueryState query={questionnaire}>
        {(view) => {
          const themes = themesInOrder(view.items);
          const answers = draft.data?.answers ?? {};
          const problems = draft.data?.problems ?? [];
          const rows = themes.map((theme) => {
            const ids = sectionItemIds(view.items, theme);
            return { theme, count: ids.length, status: sectionStatus(ids, answers, problems) };
          });
          const done = rows.filter((row) => row.status === 'complete').length;
          return (
            <>
              <Text>{t('progress', { done: String(done), total: String(rows.length) })}</Text>
              <ul className="task-list">
                {rows.map(({ theme, count, status }) => (
                  <li key={theme} className="task-list-item">
                    <div>
                      <Anchor
                        component={Link}
                        to={appRoutes.evaluationSection.path(evaluationId, theme)}
                        aria-describedby={`task-${theme}-count task-${theme}-status`}
                        data-api-text
                      >
                        {view.texts.themes[theme] ?? theme}
                      </Anchor>
                      <Text size="sm" c="gray.7" id={`task-${theme}-count`}>
                        {t('itemCount', { count: String(count) })}
                      </Text>
                    </div>
                    <strong id={`task-${theme}-status`} className={`task-tag task-tag-${status}`}>
                      {t(STATUS_LABELS[status])}
                    </strong>
                  </li>
                ))}
              </ul>
              <SubmissionLinks evaluationId={evaluationId} status={view.evaluation.status} />
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}
