import { TranslatableString } from '@rjsf/utils';
import type { FormMessageKey, FormTranslator } from './form-messages';

/** The form library's own strings that the questionnaire can show, each to a catalogue key. */
const LIBRARY_STRINGS: Partial<Record<TranslatableString, FormMessageKey>> = {
  [TranslatableString.AddButton]: 'addRow',
  [TranslatableString.AddItemButton]: 'addRow',
  [TranslatableString.EmptyArray]: 'noRows',
};

/**
 * Every string the library would write, in the person's language: the ones a questionnaire can
 * show have their own message; any other (a schema the form cannot show) reads as that fault.
 */
export function libraryTranslator(t: FormTranslator): (text: TranslatableString) => string {
  return (text) => t(LIBRARY_STRINGS[text] ?? 'cannotShow');
}
