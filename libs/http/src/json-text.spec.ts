import { jsonTextOf, rememberJsonText, sentJsonOf } from './json-text';

describe('the body as sent', () => {
  it('is kept on the request and given for that very value only', () => {
    const request = {};
    const value = { 'STA-01': { answer: 'yes' } };
    const text = '{ "STA-01": { "answer": "yes" } }';
    rememberJsonText(request, value, text);
    const sent = sentJsonOf(request);
    expect(jsonTextOf(value, sent)).toBe(text);
    // A body replaced after parsing (a pipe, a merge) must not be stored as the old text.
    expect(jsonTextOf({ ...value }, sent)).toBeUndefined();
    expect(jsonTextOf(value, sentJsonOf({}))).toBeUndefined();
  });
});
