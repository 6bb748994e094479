import { Module } from '@nestjs/common';
import { AuditModule } from '@mesecvi/audit';
import { StatesPartiesService } from './states-parties.service';
import { StateContactsService } from './state-contacts.service';

@Module({
  imports: [AuditModule],
  providers: [StatesPartiesService, StateContactsService],
  exports: [StatesPartiesService, StateContactsService],
})
export class StatesModule {}
