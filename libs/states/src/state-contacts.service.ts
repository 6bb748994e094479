import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type RequestMeta } from '@mesecvi/http';
import { StateContact } from './state-contact.entity';
import { toStateContactView } from './state-party.view';
import type { StateContactChanges, StateContactInput, StateContactView } from './state.schemas';
import { StatesPartiesService } from './states-parties.service';

/** Official addresses of a state (permanent mission, CNA). Scope checks are the caller's job (policy). */
@Injectable()
export class StateContactsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly states: StatesPartiesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(stateCode: string): Promise<StateContactView[]> {
    const state = await this.states.find(this.dataSource.manager, stateCode);
    const rows = await this.dataSource
      .getRepository(StateContact)
      .find({ where: { stateCode: state.code }, order: { kind: 'ASC', name: 'ASC' } });
    return rows.map(toStateContactView);
  }

  async create(stateCode: string, input: StateContactInput, meta: RequestMeta): Promise<StateContactView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const state = await this.states.find(manager, stateCode);
      const contact = manager.getRepository(StateContact).create({
        stateCode: state.code,
        kind: input.kind,
        name: input.name,
        email: input.email.toLowerCase(),
        phone: input.phone ?? null,
        postalAddress: input.postalAddress ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.getRepository(StateContact).insert(contact);
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'state_contact.created',
        entity: { type: 'state_contact', id: contact.id },
        summary: { stateCode: state.code, kind: input.kind },
        requestId: meta.requestId,
        at: now,
      });
      return toStateContactView(contact);
    });
  }

  async update(
    stateCode: string,
    id: string,
    input: StateContactChanges,
    meta: RequestMeta,
  ): Promise<StateContactView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(StateContact);
      const contact =
        isUuid(id) && /^[A-Za-z]{3}$/.test(stateCode)
          ? await repo.findOneBy({ id, stateCode: stateCode.toUpperCase() })
          : null;
      if (!contact) throw new DomainError('not_found', 'Contact was not found');
      const changes = { ...input, ...(input.email ? { email: input.email.toLowerCase() } : {}), updatedAt: now };
      await repo.update({ id }, changes);
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'state_contact.updated',
        entity: { type: 'state_contact', id },
        summary: { stateCode: contact.stateCode, fields: Object.keys(input) },
        requestId: meta.requestId,
        at: now,
      });
      return toStateContactView({ ...contact, ...changes });
    });
  }

  async remove(stateCode: string, id: string, meta: RequestMeta): Promise<void> {
    const now = await this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const contact =
        isUuid(id) && /^[A-Za-z]{3}$/.test(stateCode)
          ? await manager.getRepository(StateContact).findOneBy({ id, stateCode: stateCode.toUpperCase() })
          : null;
      if (!contact) throw new DomainError('not_found', 'Contact was not found');
      await manager.getRepository(StateContact).delete({ id });
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'state_contact.deleted',
        entity: { type: 'state_contact', id },
        summary: { stateCode: contact.stateCode, kind: contact.kind },
        requestId: meta.requestId,
        at: now,
      });
    });
  }
}
