import { TranslatableString } from '@rjsf/utils';
import type { Translator } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

/** The form library's own strings that the questionnaire can show, each to a catalogue key. */
const LIBRARY_STRINGS: Partial<Record<TranslatableString, MessageKey>> = {
  [TranslatableString.AddButton]: 'questionnaire.addRow',
  [TranslatableString.AddItemButton]: 'questionnaire.addRow',
  [TranslatableString.RemoveButton]: 'questionnaire.remove',
  [TranslatableString.EmptyArray]: 'questionnaire.noRows',
  [TranslatableString.YesLabel]: 'questionnaire.yes',
  [TranslatableString.NoLabel]: 'questionnaire.no',
};

/**
 * Every string the library would write, in the person's language: the ones a questionnaire can
 * show have their own message; any other (a schema the form cannot show) reads as that fault.
 */
export function libraryTranslator(t: Translator): (text: TranslatableString) => string {
  return (text) => t(LIBRARY_STRINGS[text] ?? 'questionnaire.cannotShow');
}
