import { Module } from '@nestjs/common';
import { JobsModule } from '@mesecvi/jobs';
import { Outbox } from './outbox.service';
import { OutboxLedger } from './outbox-ledger.service';

/** Staging mail (`Outbox`) and reading the ledger (`OutboxLedger`). Sending lives in the worker. */
@Module({
  imports: [JobsModule],
  providers: [Outbox, OutboxLedger],
  exports: [Outbox, OutboxLedger],
})
export class MailModule {}
