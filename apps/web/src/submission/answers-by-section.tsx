import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Answers } from '../questionnaire/answers';
import { AnswersView } from '../questionnaire/answers-view';
import { themesInOrder } from '../questionnaire/form-schema';
import type { EvaluationQuestionnaire } from '../questionnaire/use-questionnaire';

/**
 * Every answer of a questionnaire to read, section by section under each section's heading, with
 * what the page offers beside a heading (a change link) — "check your answers" and the receipt.
 */
export function AnswersBySection({
  view,
  answers,
  level,
  idPrefix,
  beside,
}: {
  view: EvaluationQuestionnaire;
  answers: Answers;
  level: 2 | 3;
  idPrefix: string;
  beside?: (theme: string, name: string) => ReactNode;
}) {
  return themesInOrder(view.items).map((theme) => {
    const name = view.texts.themes[theme] ?? theme;
    return (
      <section key={theme} aria-labelledby={`${idPrefix}-${theme}`}>
        <Group justify="space-between" align="baseline">
          <Title order={level} id={`${idPrefix}-${theme}`} data-api-text>
            {name}
          </Title>
          {beside?.(theme, name)}
        </Group>
        <AnswersView schema={view.schema} items={view.items} texts={view.texts} theme={theme} answers={answers} />
      </section>
    );
  });
}
