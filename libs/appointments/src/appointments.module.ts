import { Module, type OnModuleInit } from '@nestjs/common';
import { AccountsModule } from '@mesecvi/accounts';
import { AuditModule } from '@mesecvi/audit';
import { DeadlinePassedHandlers, DeadlinesModule, RecipientDirectory } from '@mesecvi/deadlines';
import { MailModule } from '@mesecvi/mail';
import { StatesModule } from '@mesecvi/states';
import { AppointmentDeadlines } from './appointment-deadlines.service';
import { AppointmentEndings } from './appointment-endings.service';
import { AppointmentProposals } from './appointment-proposals.service';
import { AppointmentRequestMailer } from './appointment-request-mailer';
import { AppointmentRequests } from './appointment-requests.service';
import { APPOINTMENT_END_DEADLINE } from './appointment-vocabulary';
import { AppointmentsService } from './appointments.service';
import { appointedExpertResolver } from './appointed-expert.resolver';
import { CommitteeOffices } from './committee-offices.service';
import { CommitteeRoster } from './committee-roster.service';
import { CommitteeStandingService } from './committee-standing.service';
import { ConflictDeclarations } from './conflict-declarations.service';

/**
 * Appointments, requests, the roster, officers and conflicts. Imported by the api and the worker:
 * at start it teaches the deadlines engine who "the appointed expert" of a state is, and what
 * happens when an appointment's end date passes.
 */
@Module({
  imports: [AccountsModule, AuditModule, MailModule, StatesModule, DeadlinesModule],
  providers: [
    AppointmentDeadlines,
    AppointmentEndings,
    AppointmentProposals,
    AppointmentRequestMailer,
    AppointmentRequests,
    AppointmentsService,
    CommitteeOffices,
    CommitteeRoster,
    CommitteeStandingService,
    ConflictDeclarations,
  ],
  exports: [
    AppointmentsService,
    AppointmentRequests,
    AppointmentProposals,
    CommitteeOffices,
    CommitteeRoster,
    CommitteeStandingService,
    ConflictDeclarations,
  ],
})
export class AppointmentsModule implements OnModuleInit {
  constructor(
    private readonly passed: DeadlinePassedHandlers,
    private readonly recipients: RecipientDirectory,
    private readonly appointments: AppointmentsService,
  ) {}

  onModuleInit(): void {
    this.recipients.register('appointed_expert', appointedExpertResolver);
    this.passed.register(APPOINTMENT_END_DEADLINE, (manager, deadline, now) =>
      this.appointments.runTermEnd(manager, deadline.subject.id, now),
    );
  }
}
