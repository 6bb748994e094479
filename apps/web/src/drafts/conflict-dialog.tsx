import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { RJSFSchema } from '@rjsf/utils';
import { AnswersView } from '../questionnaire/answers-view';
import type { QuestionnaireItemRef } from '../questionnaire/form-schema';
import type { QuestionnaireTexts } from '../questionnaire/ui-schema';
import { useFormT } from '../questionnaire/use-form-t';
import type { Conflict } from './pending';

export interface ConflictDialogProps {
  conflicts: readonly Conflict[];
  schema: RJSFSchema;
  items: readonly QuestionnaireItemRef[];
  texts: QuestionnaireTexts;
  onResolve: (itemId: string, keep: 'mine' | 'theirs') => void;
}

/**
 * The same question answered differently here and by someone else: both answers as a person reads
 * them (the question's text, labelled values), and she chooses. One question at a time, above the form (she finishes it
 * before typing on).
 */
export function ConflictDialog({ conflicts, schema, items, texts, onResolve }: ConflictDialogProps) {
  const t = useFormT();
  const titleId = useId();
  const conflict = conflicts[0];
  const theme = items.find((item) => item.id === conflict?.itemId)?.theme;
  if (!conflict || !theme) return null;
  const version = (value: unknown, heading: string) => (
    <Stack gap="xs" role="group" aria-label={heading}>
      <Title order={3} size="h5">
        {heading}
      </Title>
      <AnswersView
        schema={schema}
        items={items}
        texts={texts}
        theme={theme}
        answers={{ [conflict.itemId]: value }}
        itemIds={[conflict.itemId]}
      />
    </Stack>
  );
  return (
    <Paper withBorder p="md" role="alertdialog" aria-labelledby={titleId} className="q-conflict">
      <Stack gap="md">
        <Title order={2} id={titleId}>
          {t('conflict.title')}
        </Title>
        <Text>{t('conflict.intro')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {version(conflict.mine, t('conflict.mine'))}
          {version(conflict.theirs, t('conflict.theirs'))}
        </SimpleGrid>
        <Group>
          <Button onClick={() => onResolve(conflict.itemId, 'mine')}>{t('conflict.keepMine')}</Button>
          <Button variant="default" onClick={() => onResolve(conflict.itemId, 'theirs')}>
            {t('conflict.keepTheirs')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
