import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { RequestMeta } from '@mesecvi/http';
import { StateParty } from './state-party.entity';
import { toStatePartyView } from './state-party.view';
import type { StatePartyChanges, StatePartyView } from './state.schemas';

/** The registry of the 32 states parties: read by everyone logged in, changed by the secretariat. */
@Injectable()
export class StatesPartiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<StatePartyView[]> {
    const rows = await this.dataSource.getRepository(StateParty).find({ order: { nameEn: 'ASC' } });
    return rows.map(toStatePartyView);
  }

  async get(code: string): Promise<StatePartyView> {
    return toStatePartyView(await this.find(this.dataSource.manager, code));
  }

  /** Loads one state party or answers 404; other libraries use it to check a code exists. */
  async find(manager: EntityManager, code: string): Promise<StateParty> {
    // Codes are matched case-insensitively; anything but three letters is no state (and never reaches SQL).
    const state = /^[A-Za-z]{3}$/.test(code)
      ? await manager.getRepository(StateParty).findOneBy({ code: code.toUpperCase() })
      : null;
    if (!state) throw new DomainError('not_found', `State party ${code} was not found`);
    return state;
  }

  /**
   * Applies the changes if `expectedVersion` (from If-Match, when given) is still current;
   * the version guard is in the UPDATE itself, since TypeORM's save() does not check it.
   */
  async update(
    code: string,
    changes: StatePartyChanges,
    expectedVersion: number | undefined,
    meta: RequestMeta,
  ): Promise<StatePartyView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const current = await this.find(manager, code);
      const fields = Object.keys(changes) as Array<keyof StatePartyChanges>;
      const version = expectedVersion ?? current.version;
      const result = await manager
        .createQueryBuilder()
        .update(StateParty)
        .set({ ...changes, updatedAt: now, version: () => 'version + 1' })
        .where('code = :code AND version = :version', { code: current.code, version })
        .execute();
      if (result.affected === 0) {
        throw new DomainError('precondition_failed', 'The state party changed since you read it.', {
          headers: { etag: `"${current.version}"` },
          extensions: { currentEtag: `"${current.version}"` },
        });
      }
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'state_party.updated',
        entity: { type: 'state_party', id: current.code },
        summary: { fields },
        requestId: meta.requestId,
        at: now,
      });
      return toStatePartyView(await this.find(manager, current.code));
    });
  }
}
