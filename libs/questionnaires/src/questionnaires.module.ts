import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { QuestionnaireRegistry } from './questionnaire-registry.service';

/**
 * The questionnaire registry. File questionnaires are registered lazily, on first use, not at
 * bootstrap: a process that never touches questionnaires writes nothing, and N instances starting
 * together do not race (registration is serialised per key by an advisory lock anyway). Broken
 * schema files are caught before that by the unit tests, which prepare every file in strict mode.
 */
@Module({
  imports: [AuditModule],
  providers: [QuestionnaireRegistry],
  exports: [QuestionnaireRegistry],
})
export class QuestionnairesModule {}
