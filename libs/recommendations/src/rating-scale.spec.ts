import { loadConfig, ConfigError } from '@mesecvi/config';
import { ratingScaleView } from './rating-scale';

const base = {
  DATABASE_URL: 'postgres://app:pw@db:5432/mesecvi',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail:1025',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
};

describe('rating scale configuration', () => {
  it('defaults to complied (closes) | partially_complied | not_complied | no_information, labelled in four languages', () => {
    const scale = ratingScaleView(loadConfig(base).recommendations.ratingScale);
    expect(scale.map((s) => [s.value, s.closes])).toEqual([
      ['complied', true],
      ['partially_complied', false],
      ['not_complied', false],
      ['no_information', false],
    ]);
    expect(scale[0].labels).toEqual({ en: 'Complied', es: 'Cumplida', fr: 'Mise en œuvre', pt: 'Cumprida' });
  });

  it('takes another list, with several closing values and plain labels for new ones', () => {
    const scale = ratingScaleView(
      loadConfig({ ...base, RECOMMENDATION_RATING_SCALE: 'complied:closes,superseded:closes,pending' }).recommendations
        .ratingScale,
    );
    expect(scale.map((s) => [s.value, s.closes, s.labels.es])).toEqual([
      ['complied', true, 'Cumplida'],
      ['superseded', true, 'Superseded'],
      ['pending', false, 'Pending'],
    ]);
  });

  it.each(['Complied', 'complied,,x', 'complied:close', 'a,a:closes'])('refuses %p, naming the variable', (value) => {
    let error: unknown;
    try {
      loadConfig({ ...base, RECOMMENDATION_RATING_SCALE: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('RECOMMENDATION_RATING_SCALE');
  });
});
