import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/VisuallyHidden.css';
import './questionnaire.css';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { QueryState } from '../components/query-state';
import { useFormT } from './use-form-t';
import type { Answers } from './answers';
import { SectionForm } from './section-form';
import {
  useDraft,
  useEvaluationQuestionnaire,
  type DraftState,
  type EvaluationQuestionnaire,
} from './use-questionnaire';

/** `/app/evaluations/:id/sections/:theme`: one section of the questionnaire as a form. */
export default function SectionPage() {
  const { id = '', theme = '' } = useParams();
  const questionnaire = useEvaluationQuestionnaire(id);
  const draft = useDraft(id);
  return (
    <QueryState query={questionnaire}>
      {(view) => (
        <QueryState query={draft}>
          {(loaded) => <Section evaluationId={id} theme={theme} view={view} draft={loaded} />}
        </QueryState>
      )}
    </QueryState>
  );
}

function Section({
  evaluationId,
  theme,
  view,
  draft,
}: {
  evaluationId: string;
  theme: string;
  view: EvaluationQuestionnaire;
  draft: DraftState;
}) {
  const t = useFormT();
  const [answers, setAnswers] = useState<Answers>(draft.answers);
  const back = (
    <Anchor component={Link} to={appRoutes.evaluation.path(evaluationId)} className="q-no-print">
      {t('backToSections')}
    </Anchor>
  );
  const themeName = view.texts.themes[theme];
  if (!themeName || !view.items.some((item) => item.theme === theme))
    return (
      <Stack gap="md">
        <Text>{t('sectionNotFound')}</Text>
        {back}
      </Stack>
    );
  return (
    <Stack gap="md" className="q-section-page">
      {back}
      <Title order={1} data-api-text>
        {themeName}
      </Title>
      <Text data-api-text className="q-print-only">
        {view.evaluation.roundName}
      </Text>
      <Alert color="blue" className="q-no-print">
        {t('notSavedYet')}
      </Alert>
      <Group className="q-no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('print')}
        </Button>
      </Group>
      <SectionForm
        schema={view.schema}
        items={view.items}
        texts={view.texts}
        theme={theme}
        answers={answers}
        onChange={setAnswers}
        evaluationId={evaluationId}
      />
      {back}
    </Stack>
  );
}
