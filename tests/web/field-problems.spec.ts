import { MantineProvider } from '@mantine/core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import {
  DEF_FILES,
  QUESTIONNAIRE_FILES,
  prepareQuestionnaire,
  questionnaireItems,
  textsFor,
} from '@mesecvi/questionnaires';
import { localeFor } from '../../apps/web/src/i18n/languages';
import { LocaleProvider } from '../../apps/web/src/i18n/i18n-context';
import { formMessages } from '../../apps/web/src/questionnaire/form-messages';
import { SectionForm } from '../../apps/web/src/questionnaire/section-form';

const source = QUESTIONNAIRE_FILES.find((file) => file.key === 'evaluation-round');
if (!source) throw new Error('the evaluation-round questionnaire is not bundled');
const prepared = prepareQuestionnaire(source, DEF_FILES);
const items = questionnaireItems(prepared.schema);

function render(language: 'en' | 'fr', problems: Array<{ pointer: string; rule: string }>) {
  return renderToString(
    createElement(LocaleProvider, {
      locale: localeFor(language, false),
      children: createElement(MantineProvider, {
        children: createElement(SectionForm, {
          schema: prepared.schema,
          items,
          texts: textsFor(prepared.i18n, language),
          theme: 'legislation',
          answers: {
            'LEG-01': { rank: 'legal', citations: [{ name: 'Loi', url: 'htt' }] },
            'LEG-02': { answer: 'no' },
          },
          onChange: () => undefined,
          problems,
        }),
      }),
    }),
  ).replace(/&#x27;/g, "'");
}

describe('problems shown at their fields', () => {
  it("a refused web address reads the catalogue's sentence for its rule, in the person's language, at its field", () => {
    const html = render('fr', [{ pointer: '/LEG-01/citations/0/url', rule: 'format' }]);
    const at = html.indexOf(formMessages.fr['problem.format']);
    expect(at).toBeGreaterThan(-1);
    // The message follows the address field, not another one.
    const field = html.lastIndexOf('id="q_LEG-01_citations_0_url"', at);
    expect(field).toBeGreaterThan(-1);
    expect(html).not.toContain(formMessages.en['problem.format']);
  });

  it("a rule without its own sentence reads the general one; other sections' problems are left out", () => {
    const html = render('en', [
      { pointer: '/LEG-02/answer', rule: 'somethingNew' },
      { pointer: '/NAT-01/percentage', rule: 'maximum' },
    ]);
    expect(html).toContain(formMessages.en['problem.other']);
    expect(html).not.toContain(formMessages.en['problem.maximum']);
  });
});
