import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/VisuallyHidden.css';
import './questionnaire.css';
import '../evidence/evidence.css';
import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { QueryState } from '../components/query-state';
import { ConflictDialog } from '../drafts/conflict-dialog';
import { SaveState } from '../drafts/save-state';
import { useAutosave } from '../drafts/use-autosave';
import { useSession } from '../session/use-session';
import { useFormT } from './use-form-t';
import { SUBMITTABLE } from '../submission/submittable';
import { useSubmitProblems } from '../submission/use-submit';
import { useFocusFromHash } from './field-focus';
import { SectionProblemSummary, useRemainingProblemsAfterSaves } from './section-problem-summary';
import { shownProblems } from './section-problems';
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
  const userId = useSession().account?.id ?? '';
  const server = useMemo(
    () => ({ document: draft.answers, version: draft.version, savedAt: draft.updatedAt }),
    [draft],
  );
  const describe = useCallback(
    (pending: string[]) => ({
      title: view.evaluation.roundName,
      pendingLabels: pending.map((id) => view.texts.items[id]?.label ?? id),
    }),
    [view],
  );
  const autosave = useAutosave(userId, evaluationId, server, describe);
  useFocusFromHash(autosave !== undefined);
  useRemainingProblemsAfterSaves(evaluationId, autosave?.snapshot.savedAt);
  const refused = useSubmitProblems(evaluationId).length > 0;
  const local = autosave?.snapshot.local;
  const problems = useMemo(
    () => [
      ...(autosave?.snapshot.problems ?? []),
      ...shownProblems(draft.problems, draft.answers, local ?? {}, refused),
    ],
    [autosave?.snapshot.problems, draft, local, refused],
  );
  const back = (
    <Anchor component={Link} to={appRoutes.evaluation.path(evaluationId)} className="q-no-print">
      {t('backToSections')}
    </Anchor>
  );
  const themeName = view.texts.themes[theme];
  if (!autosave) return null;
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
        {t('autosaveNote')}
      </Alert>
      {refused && <SectionProblemSummary evaluationId={evaluationId} theme={theme} view={view} problems={problems} />}
      <SaveState snapshot={autosave.snapshot} />
      <ConflictDialog
        conflicts={autosave.snapshot.conflicts}
        schema={view.schema}
        items={view.items}
        texts={view.texts}
        onResolve={autosave.resolve}
      />
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
        answers={autosave.snapshot.local}
        onChange={autosave.edit}
        problems={problems}
        evaluationId={evaluationId}
        readonly={!SUBMITTABLE.has(view.evaluation.status)}
      />
      {back}
    </Stack>
  );
}
