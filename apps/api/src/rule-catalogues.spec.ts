import { AUTH_MESSAGES } from '@mesecvi/accounts';
import { CODE_MESSAGES, MESSAGE_LANGUAGES, placeholdersOf, type Messages } from '@mesecvi/errors';
import { INVALID_MESSAGES, KEYWORD_MESSAGES, REQUEST_INVALID_MESSAGES } from '@mesecvi/http';
import { RULE_CATALOGUES } from './rule-catalogues';

/** Every message the API can put in `detail` or `errors[].message`, named by where it is defined. */
const everyMessage: Array<[string, Messages]> = [
  ...Object.entries(RULE_CATALOGUES).flatMap(([lib, catalogue]) =>
    Object.entries(catalogue).map(([key, rule]): [string, Messages] => [`${lib}.${key}`, rule.messages]),
  ),
  ...Object.entries(CODE_MESSAGES).map(([code, messages]): [string, Messages] => [`code.${code}`, messages]),
  ...Object.entries(KEYWORD_MESSAGES).map(([keyword, messages]): [string, Messages] => [
    `keyword.${keyword}`,
    messages,
  ]),
  ['keyword.*', INVALID_MESSAGES],
  ...Object.entries(AUTH_MESSAGES).map(([k, messages]): [string, Messages] => [`auth.${k}`, messages]),
  ...Object.entries(REQUEST_INVALID_MESSAGES).map(([k, messages]): [string, Messages] => [`request.${k}`, messages]),
];

describe('the message catalogues', () => {
  it('are walked whole (every lib catalogue and the generic ones)', () => {
    expect(Object.keys(RULE_CATALOGUES).length).toBeGreaterThanOrEqual(6);
    expect(everyMessage.length).toBeGreaterThan(100);
  });

  it.each(everyMessage)('%s is written in every language, with the same placeholders', (_, messages) => {
    const missing = MESSAGE_LANGUAGES.filter((l) => typeof messages[l] !== 'string' || messages[l].trim() === '');
    expect(missing).toEqual([]);
    const english = placeholdersOf(messages.en).sort();
    for (const language of MESSAGE_LANGUAGES)
      expect([language, placeholdersOf(messages[language]).sort()]).toEqual([language, english]);
    // A sentence copied over from English is a translation someone forgot.
    for (const language of MESSAGE_LANGUAGES.filter((l) => l !== 'en'))
      expect([language, messages[language]]).not.toEqual([language, messages.en]);
  });

  it('gives one rule code one status wherever it is defined', () => {
    const statuses = new Map<string, Set<number>>();
    for (const catalogue of Object.values(RULE_CATALOGUES))
      for (const { rule, status } of Object.values(catalogue))
        statuses.set(rule, new Set([...(statuses.get(rule) ?? []), status]));
    const mixed = [...statuses].filter(([, s]) => s.size > 1).map(([rule]) => rule);
    expect(mixed).toEqual([]);
  });

  it('covers the JSON Schema keywords request bodies use', () => {
    const used = ['required', 'additionalProperties', 'type', 'format', 'enum', 'const', 'minLength', 'maxLength'];
    const more = ['minimum', 'maximum', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'oneOf', 'anyOf'];
    expect([...used, ...more].filter((k) => !(k in KEYWORD_MESSAGES))).toEqual([]);
  });
});
