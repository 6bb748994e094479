import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { focusField } from './field-focus';

/** One problem of the summary: where it links to and what it says, in the person's language. */
export interface SummaryEntry {
  /** The page (path) and the field's element id the link moves the focus to. */
  path: string;
  elementId: string;
  text: string;
}

/**
 * The problems of a form above it (the GOV.UK error summary): it takes the focus when it appears,
 * so a screen reader reads it first; each entry links to its field — on this page the focus moves
 * there at once, on another page (a section) that page moves it when it opens.
 */
export function ProblemSummary({
  title,
  intro,
  entries,
  takeFocus = true,
}: {
  title: string;
  intro: string;
  entries: SummaryEntry[];
  /** Whether it takes the focus when it appears (after a refused submit); not when shown beside a form being typed in. */
  takeFocus?: boolean;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    if (takeFocus) box.current?.focus();
  }, [entries, takeFocus]);
  return (
    <Paper
      ref={box}
      withBorder
      p="md"
      role={takeFocus ? 'alert' : 'region'}
      tabIndex={-1}
      aria-labelledby="problem-summary-title"
      className="error-summary q-no-print"
    >
      <Title order={2} size="h4" id="problem-summary-title" mb="xs">
        {title}
      </Title>
      <Text mb="xs">{intro}</Text>
      <List>
        {entries.map((entry) => (
          <List.Item key={`${entry.path}#${entry.elementId}`}>
            <Anchor
              component={Link}
              to={`${entry.path}#${entry.elementId}`}
              onClick={(event) => {
                if (entry.path !== pathname) return;
                event.preventDefault();
                focusField(entry.elementId);
              }}
            >
              {entry.text}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}
