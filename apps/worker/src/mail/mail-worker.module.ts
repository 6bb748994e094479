import { Module } from '@nestjs/common';
import { MailModule } from '@mesecvi/mail';
import { MailTransport } from './mail-transport.service';
import { OutboxDrainer } from './outbox-drainer.service';
import { OutboxRows } from './outbox-rows.repository';
import { OutboxDrainHandler } from './outbox-drain.handler';
import { OutboxSweepHandler } from './outbox-sweep.handler';
import { FailedMailAlerts } from './failed-mail-alerts.service';

/** Mail delivery in the worker: the outbox drain, its sweep, and the one SMTP transport. */
@Module({
  imports: [MailModule],
  providers: [MailTransport, OutboxRows, OutboxDrainer, OutboxDrainHandler, OutboxSweepHandler, FailedMailAlerts],
  exports: [OutboxDrainer],
})
export class MailWorkerModule {}
