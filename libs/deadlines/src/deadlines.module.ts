import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { MailModule } from '@mesecvi/mail';
import { DeadlinePassedHandlers } from './deadlines/deadline-passed.registry';
import { DeadlinePassing } from './deadlines/deadline-passing.service';
import { DeadlineQueries } from './deadlines/deadline-queries.service';
import { DeadlinesService } from './deadlines/deadlines.service';
import { SecretariatDeadlines } from './deadlines/secretariat-deadlines.service';
import { RecipientDirectory } from './recipients/recipient-directory.service';
import { ReminderClaims } from './reminders/reminder-claims.repository';
import { ReminderLadders } from './reminders/reminder-ladders.service';
import { ReminderPlanner } from './reminders/reminder-planner.service';
import { ReminderSweep } from './reminders/reminder-sweep.service';

/**
 * Deadlines and their reminders. Import it once per app (Nest shares one instance), so the
 * deadline-passed handlers and recipient resolvers other libraries register are the ones the sweep uses.
 */
@Module({
  imports: [AuditModule, MailModule],
  providers: [
    DeadlinesService,
    DeadlinePassedHandlers,
    DeadlinePassing,
    DeadlineQueries,
    SecretariatDeadlines,
    RecipientDirectory,
    ReminderPlanner,
    ReminderLadders,
    ReminderClaims,
    ReminderSweep,
  ],
  exports: [
    DeadlinesService,
    DeadlinePassedHandlers,
    DeadlineQueries,
    SecretariatDeadlines,
    RecipientDirectory,
    ReminderLadders,
    ReminderSweep,
  ],
})
export class DeadlinesModule {}
