import { Injectable } from '@nestjs/common';
import { AuditSealer } from '@mesecvi/audit';
import { JobName } from '@mesecvi/jobs';
import { HandlesJob, type JobHandler } from '../registry/job-handler.decorator';

/**
 * Seals committed audit rows into the hash chain. The payload is empty: the
 * rows to seal are whatever PostgreSQL holds unsealed, so a lost or repeated tick is harmless.
 */
@Injectable()
@HandlesJob(JobName.AuditSeal)
export class AuditSealHandler implements JobHandler<JobName.AuditSeal> {
  constructor(private readonly sealer: AuditSealer) {}

  async handle(): Promise<{ sealed: number }> {
    return { sealed: await this.sealer.sealPending() };
  }
}
