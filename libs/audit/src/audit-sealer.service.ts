import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Rows sealed per `audit_seal()` call: one short transaction each, so writers never wait long. */
export const AUDIT_SEAL_BATCH = 500;
/** Caps one run, so a large backlog is worked off over several ticks instead of one long job. */
const MAX_BATCHES_PER_RUN = 40;

@Injectable()
export class AuditSealer {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Seals committed, unsealed rows into the hash chain through the one SQL function allowed to
   * (it holds an advisory lock, so concurrent runs do not interleave). Returns how many it sealed.
   */
  async sealPending(batch = AUDIT_SEAL_BATCH): Promise<number> {
    let total = 0;
    for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
      const rows: Array<{ sealed: number }> = await this.dataSource.query('SELECT audit_seal($1) AS sealed', [batch]);
      const sealed = Number(rows[0].sealed);
      total += sealed;
      if (sealed < batch) break;
    }
    return total;
  }
}
