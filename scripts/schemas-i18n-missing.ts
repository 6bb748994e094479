// `npm run schemas:i18n-missing`: lists the texts each language lacks (they fall back to
// English). `-- fr` limits the list to one language. Exit code 0: a gap is a to-do, not an error.
import 'reflect-metadata';
import { LANGUAGES, type Language } from '@mesecvi/http';
import { missingTranslations, QUESTIONNAIRE_FILES } from '@mesecvi/questionnaires';

const only = process.argv.slice(2).filter((a): a is Language => (LANGUAGES as readonly string[]).includes(a));
for (const file of QUESTIONNAIRE_FILES) {
  const missing = missingTranslations(file.i18n).filter((m) => only.length === 0 || only.includes(m.language));
  const counts = LANGUAGES.filter((l) => l !== 'en').map(
    (l) => `${l} ${missing.filter((m) => m.language === l).length}`,
  );
  console.log(`${file.key}: ${missing.length} missing (${counts.join(', ')})`);
  for (const m of missing) console.log(`  ${m.language}  ${m.key.padEnd(28)} ${m.english}`);
}
