import { Module } from '@nestjs/common';
import { MailTransport } from './mail-transport.service';
import { OutboxDrainer } from './outbox-drainer.service';
import { OutboxRows } from './outbox-rows.repository';
import { OutboxDrainHandler } from './outbox-drain.handler';
import { OutboxSweepHandler } from './outbox-sweep.handler';

/** Mail delivery in the worker: the outbox drain, its sweep, and the one SMTP transport. */
@Module({
  providers: [MailTransport, OutboxRows, OutboxDrainer, OutboxDrainHandler, OutboxSweepHandler],
  exports: [OutboxDrainer],
})
export class MailWorkerModule {}
