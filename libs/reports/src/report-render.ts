import { escapeHtml } from '@mesecvi/http';
import { THEMES } from '@mesecvi/questionnaires';
import type { CountryReportView } from './country-report.view';

const themeTitle = (t: string): string => t.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
const ratingTitle = themeTitle;
const orderedSections = (r: CountryReportView): Array<[string, string]> =>
  Object.entries(r.sections).sort(
    ([a], [b]) => (THEMES as readonly string[]).indexOf(a) - (THEMES as readonly string[]).indexOf(b),
  );

/** The final report as Markdown: analysis per theme, recommendations with their ids, the state's observations. */
export function reportMarkdown(r: CountryReportView, stateName: string): string {
  const lines = [
    `# ${stateName} — ${r.roundName}`,
    '',
    `${r.documentSymbol ?? 'Draft'}${r.adoption ? ` · adopted ${r.adoption.adoptedOn}${r.adoption.meeting ? ` (${r.adoption.meeting})` : ''}` : ''}`,
    '',
  ];
  for (const [theme, text] of orderedSections(r)) lines.push(`## ${themeTitle(theme)}`, '', text, '');
  if (r.followUp) {
    lines.push('## Follow-up of the recommendations', '');
    for (const l of r.followUp) {
      lines.push(
        `- **${l.recommendationId}** (${themeTitle(l.theme)}; art. ${l.articles.join(', ')}): ${l.text}`,
        `  - Rating: ${l.rating ? `${ratingTitle(l.rating.value)}${l.rating.closes ? ' (closed)' : ''} — ${l.rating.justification}` : 'not rated'}`,
      );
    }
  } else {
    lines.push('## Recommendations', '');
    for (const rec of r.recommendations)
      lines.push(`- **${rec.id}** (${themeTitle(rec.theme)}; art. ${rec.articles.join(', ')}): ${rec.text}`);
  }
  lines.push('', '## Observations of the State', '');
  if (r.observations.length === 0) lines.push('The State did not submit observations.');
  for (const o of r.observations) lines.push(`- ${o.recommendationId ? `On ${o.recommendationId}: ` : ''}${o.text}`);
  return `${lines.join('\n')}\n`;
}

/** The same as a self-contained HTML page (everything escaped; no scripts). */
export function reportHtml(r: CountryReportView, stateName: string): string {
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(`${stateName} — ${r.roundName}`)}</title></head><body>`,
    `<h1>${escapeHtml(`${stateName} — ${r.roundName}`)}</h1>`,
    `<p>${escapeHtml(r.documentSymbol ?? 'Draft')}${r.adoption ? ` · adopted ${escapeHtml(r.adoption.adoptedOn)}` : ''}</p>`,
  ];
  for (const [theme, text] of orderedSections(r))
    parts.push(
      `<h2>${escapeHtml(themeTitle(theme))}</h2>`,
      ...text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`),
    );
  if (r.followUp) {
    parts.push(
      '<h2>Follow-up of the recommendations</h2><ol>',
      ...r.followUp.map(
        (l) =>
          `<li id="${escapeHtml(l.recommendationId)}"><strong>${escapeHtml(l.recommendationId)}</strong> ${escapeHtml(l.text)}<p>Rating: ${l.rating ? `<strong>${escapeHtml(ratingTitle(l.rating.value))}</strong>${l.rating.closes ? ' (closed)' : ''} — ${escapeHtml(l.rating.justification)}` : 'not rated'}</p></li>`,
      ),
      '</ol>',
    );
  } else {
    parts.push(
      '<h2>Recommendations</h2><ol>',
      ...r.recommendations.map(
        (rec) => `<li id="${escapeHtml(rec.id)}"><strong>${escapeHtml(rec.id)}</strong> ${escapeHtml(rec.text)}</li>`,
      ),
      '</ol>',
    );
  }
  parts.push('<h2>Observations of the State</h2>');
  parts.push(
    r.observations.length === 0
      ? '<p>The State did not submit observations.</p>'
      : `<ul>${r.observations.map((o) => `<li>${o.recommendationId ? `On ${escapeHtml(o.recommendationId)}: ` : ''}${escapeHtml(o.text)}</li>`).join('')}</ul>`,
  );
  parts.push('</body></html>');
  return parts.join('\n');
}
