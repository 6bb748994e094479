import { CODE_MESSAGES } from './code-messages';
import { DomainError } from './domain-error';
import { languageFromHeader } from './language';
import { fieldInvalid, ruleConflict } from './rule-errors';
import { defineRules } from './rules';
import { toProblem } from './to-problem';

const RULES = defineRules({
  due_soon: {
    status: 409,
    messages: {
      en: 'Due on {dueDate}.',
      es: 'Vence el {dueDate}.',
      fr: 'Échéance le {dueDate}.',
      pt: 'Vence em {dueDate}.',
    },
  },
  due_later: {
    rule: 'due_soon',
    status: 422,
    messages: { en: 'Later.', es: 'Más tarde.', fr: 'Plus tard.', pt: 'Mais tarde.' },
  },
});

describe('problems in the caller’s language', () => {
  it('writes a rule conflict’s detail in the language asked, its facts filled in, code and rule unchanged', () => {
    const error = ruleConflict(RULES.due_soon, { dueDate: '2027-01-15' }, { evaluationStatus: 'submitted' });
    expect(error.message).toBe('Due on 2027-01-15.');
    const { problem } = toProblem(error, '/x', 'r1', 'fr');
    expect(problem).toMatchObject({
      code: 'conflict',
      title: 'Conflict',
      rule: 'due_soon',
      detail: 'Échéance le 2027-01-15.',
      evaluationStatus: 'submitted',
    });
    expect(toProblem(error, '/x', 'r1', 'en').problem.detail).toBe('Due on 2027-01-15.');
  });

  it('localises a field rule’s detail and its message in errors[]', () => {
    const { problem } = toProblem(fieldInvalid('/dueDate', RULES.due_later), '/x', 'r1', 'pt');
    expect(problem).toMatchObject({ rule: 'due_soon', detail: 'Mais tarde.' });
    expect(problem.errors).toEqual([{ pointer: '/dueDate', keyword: 'due_soon', message: 'Mais tarde.' }]);
  });

  it('falls back to the code’s sentence when an error carries no translation, and keeps English as written', () => {
    const error = new DomainError('not_found', 'Round was not found');
    expect(toProblem(error, '/x', 'r1', 'es').problem.detail).toBe(CODE_MESSAGES.not_found.es);
    expect(toProblem(error, '/x', 'r1', 'en').problem.detail).toBe('Round was not found');
  });

  it('reads Accept-Language in the client’s order of preference', () => {
    expect(languageFromHeader('de-DE, fr-CA;q=0.8, es;q=0.5')).toBe('fr');
    expect(languageFromHeader('PT-br')).toBe('pt');
    expect(languageFromHeader('de')).toBe('en');
    expect(languageFromHeader(undefined)).toBe('en');
  });
});
