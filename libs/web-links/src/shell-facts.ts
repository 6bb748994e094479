/**
 * The shell's meta element carrying the secretariat's contact address: the api writes it when it
 * serves the app's `index.html` (from its configuration) and every page reads it for its help.
 */
export const CONTACT_META_NAME = 'mesecvi-secretariat-contact';
