import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { StateParty } from '@mesecvi/states';
import { rethrowAsConflict } from './appointment-errors';
import type { DeclareConflictInput } from './appointment-inputs';
import { fieldInvalid } from './appointment-rules';
import { ConflictDeclaration } from './conflict-declaration.entity';
import { isUuid } from '@mesecvi/http';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

export interface ConflictDeclarationView {
  id: string;
  expertUserId: string;
  stateCode: string;
  reason: string;
  declaredBy: string;
  declaredAt: string;
}

const toView = (c: ConflictDeclaration): ConflictDeclarationView => ({
  id: c.id,
  expertUserId: c.expertUserId,
  stateCode: c.stateCode,
  reason: c.reason,
  declaredBy: c.declaredBy,
  declaredAt: c.declaredAt.toISOString(),
});

/** Conflict-of-interest declarations: an expert declares their own, the secretariat records anyone's. */
@Injectable()
export class ConflictDeclarations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async declare(caller: Caller, input: DeclareConflictInput, meta: RequestMeta): Promise<ConflictDeclarationView> {
    const expertUserId = input.expertUserId ?? (caller.role === 'committee_expert' ? caller.userId : undefined);
    if (!expertUserId) throw fieldInvalid('/expertUserId', APPOINTMENT_RULES.expert_required);
    if (!this.policy.canDeclareConflict(caller, expertUserId))
      throw new DomainError('forbidden', 'An expert declares their own conflicts only.');
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        const expert = isUuid(expertUserId)
          ? await manager.getRepository(UserAccount).findOneBy({ id: expertUserId })
          : null;
        if (!expert || expert.role !== 'committee_expert')
          throw fieldInvalid('/expertUserId', APPOINTMENT_RULES.known_expert);
        const code = input.stateCode.toUpperCase();
        if (!(await manager.getRepository(StateParty).existsBy({ code })))
          throw fieldInvalid('/stateCode', APPOINTMENT_RULES.known_state, { stateCode: input.stateCode });
        const declaration = manager.getRepository(ConflictDeclaration).create({
          expertUserId,
          stateCode: code,
          reason: input.reason.trim(),
          declaredBy: caller.userId,
          declaredAt: now,
        });
        await manager.getRepository(ConflictDeclaration).insert(declaration);
        await this.audit.record(manager, {
          actor: caller,
          action: 'conflict_declaration.declared',
          entity: { type: 'conflict_declaration', id: declaration.id },
          summary: { expertUserId, stateCode: code, byExpert: caller.userId === expertUserId },
          requestId: meta.requestId,
          at: now,
        });
        return toView(declaration);
      })
      .catch(rethrowAsConflict);
  }

  /** The secretariat sees every declaration (or one expert's); an expert sees their own. */
  async list(caller: Caller, expertUserId?: string): Promise<ConflictDeclarationView[]> {
    const own = caller.role === 'committee_expert' ? caller.userId : expertUserId;
    const rows = await this.dataSource.getRepository(ConflictDeclaration).find({
      where: own ? { expertUserId: own } : {},
      order: { declaredAt: 'DESC' },
    });
    return rows.map(toView);
  }
}
