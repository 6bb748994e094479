import { Global, Module } from '@nestjs/common';
import { Clock, ClockService } from './clock.service';

@Global()
@Module({
  providers: [ClockService, { provide: Clock, useExisting: ClockService }],
  exports: [Clock, ClockService],
})
export class ClockModule {}
