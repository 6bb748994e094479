import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { AuditSealer } from './audit-sealer.service';

/** Import where events are recorded or listed (AuditService) or sealed (AuditSealer, worker). */
@Module({
  providers: [AuditService, AuditSealer],
  exports: [AuditService, AuditSealer],
})
export class AuditModule {}
