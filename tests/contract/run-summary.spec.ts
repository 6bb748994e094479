import type { ResponseRecord } from './run-records';
import { summarize } from './run-summary';

const ok = (operation: string): ResponseRecord => ({ kind: 'checked', operation, status: 200, conforms: true });
const bad = (operation: string): ResponseRecord => ({
  kind: 'checked',
  operation,
  status: 200,
  conforms: false,
  error: 'undescribed',
});
const operations = {
  operations: [
    { key: 'GET /a', described: false },
    { key: 'GET /b', described: false },
    { key: 'GET /c', described: true },
    { key: 'GET /d', described: false },
    { key: 'GET /e', described: true },
  ],
};

describe('summarize', () => {
  it('asks to remove a listed operation only when it was exercised and every response conformed', () => {
    const s = summarize(['GET /a', 'GET /b', 'GET /d'], [ok('GET /a'), ok('GET /b'), bad('GET /b')], operations);
    expect(s.listedButConforming).toEqual(['GET /a']);
    expect(s.listedNotExercised).toEqual(['GET /d']);
  });

  it('keeps mismatching operations and unexercised listed or undescribed ones in the list the run supports', () => {
    const s = summarize(['GET /a', 'GET /b'], [ok('GET /a'), bad('GET /c'), ok('GET /e')], operations);
    // a: conforms now; b: listed, not exercised; c: mismatched; d: undescribed, not exercised; e: conforms.
    expect(s.wouldBe).toEqual(['GET /b', 'GET /c', 'GET /d']);
  });

  it('counts validated and excluded responses, and names listed operations the document lost', () => {
    const s = summarize(
      ['GET /gone'],
      [ok('GET /a'), ok('GET /a'), { kind: 'excluded', exclusion: 'files' }, { kind: 'excluded', exclusion: 'files' }],
      operations,
    );
    expect(s.validated).toBe(2);
    expect(s.perOperation.get('GET /a')).toEqual({ validated: 2, mismatches: 0 });
    expect(s.excluded.get('files')).toBe(2);
    expect(s.listedButGone).toEqual(['GET /gone']);
  });

  it('without the list of operations keeps every listed operation the run did not exercise', () => {
    expect(summarize(['GET /a', 'GET /b'], [ok('GET /a')], undefined).wouldBe).toEqual(['GET /b']);
  });
});
