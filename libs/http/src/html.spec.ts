import { escapeHtml } from './html';

describe('escapeHtml', () => {
  it('escapes the five characters HTML gives meaning to, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
    expect(escapeHtml('Belém do Pará — Convención, 1994 ✓')).toBe('Belém do Pará — Convención, 1994 ✓');
  });

  it('escapes an existing entity again (the text is text, not markup)', () => {
    expect(escapeHtml('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
  });
});
