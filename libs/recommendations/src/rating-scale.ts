import type { RatingScaleEntry } from '@mesecvi/config';
import type { Language } from '@mesecvi/http';

export interface RatingScaleValueView {
  value: string;
  closes: boolean;
  labels: Record<Language, string>;
}

/** Labels of the default values; a value configured beyond them is shown as written (underscores as spaces). */
const DEFAULT_LABELS: Record<string, Record<Language, string>> = {
  complied: { en: 'Complied', es: 'Cumplida', fr: 'Mise en œuvre', pt: 'Cumprida' },
  partially_complied: {
    en: 'Partially complied',
    es: 'Parcialmente cumplida',
    fr: 'Partiellement mise en œuvre',
    pt: 'Parcialmente cumprida',
  },
  not_complied: { en: 'Not complied', es: 'No cumplida', fr: 'Non mise en œuvre', pt: 'Não cumprida' },
  no_information: { en: 'No information', es: 'Sin información', fr: 'Aucune information', pt: 'Sem informação' },
};

export function ratingLabels(value: string): Record<Language, string> {
  const plain = value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  return DEFAULT_LABELS[value] ?? { en: plain, es: plain, fr: plain, pt: plain };
}

/** The configured scale with labels in the four languages, in the configured order. */
export function ratingScaleView(scale: readonly RatingScaleEntry[]): RatingScaleValueView[] {
  return scale.map((e) => ({ value: e.value, closes: e.closes, labels: ratingLabels(e.value) }));
}
