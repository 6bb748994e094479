import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { stateName, type StateParty } from '@mesecvi/states';
import type { AppointmentRequestTarget } from './appointment-request-target.entity';
import type { AppointmentRequest } from './appointment-request.entity';

interface RecipientRow {
  email: string;
  name: string | null;
  user_id: string | null;
  role: string;
  language: Language;
}

/**
 * Mails one state's part of a request to its contacts (permanent mission, CNA: the state's
 * working language) and its focal point (their own language); one mail per address. A state
 * nobody can be reached at gets a `skipped` ledger entry instead, so the gap is visible.
 */
@Injectable()
export class AppointmentRequestMailer {
  constructor(private readonly outbox: Outbox) {}

  async stage(
    manager: EntityManager,
    request: AppointmentRequest,
    target: AppointmentRequestTarget,
    state: StateParty,
    resent: boolean,
    now: Date,
  ): Promise<string[]> {
    const rows: RecipientRow[] = await manager.query(
      `SELECT lower(c.email) AS email, NULL AS name, NULL::uuid AS user_id, c.kind AS role, s.working_language AS language, 1 AS rank
         FROM state_contact c JOIN state_party s ON s.code = c.state_code
        WHERE c.state_code = $1
       UNION ALL
       SELECT u.email, u.name, u.id, u.role, COALESCE(u.preferred_language, s.working_language, 'en'), 0
         FROM user_account u JOIN state_party s ON s.code = u.state_code
        WHERE u.state_code = $1 AND u.role = 'state_focal_point' AND u.status <> 'disabled'
       ORDER BY rank, email`,
      [state.code],
    );
    const seen = new Set<string>();
    const ids: string[] = [];
    for (const r of rows) {
      if (seen.has(r.email)) continue;
      seen.add(r.email);
      ids.push(
        await this.outbox.stage(
          manager,
          {
            kind: 'appointment_request',
            template: 'appointment_request',
            language: r.language,
            to: { address: r.email, name: r.name ?? undefined, userId: r.user_id ?? undefined, role: r.role },
            stateCode: state.code,
            related: { type: 'appointment_request_target', id: target.id },
            payload: {
              recipientName: r.name,
              stateName: stateName(state, r.language),
              kinds: request.kinds,
              replyDate: request.replyDate,
              message: request.message,
              resent,
            },
          },
          now,
        ),
      );
    }
    if (ids.length === 0) {
      await this.outbox.recordSkipped(
        manager,
        {
          kind: 'appointment_request',
          template: 'appointment_request',
          language: state.workingLanguage,
          role: 'state_contacts',
          stateCode: state.code,
          related: { type: 'appointment_request_target', id: target.id },
          reason: `no contact or focal point for ${state.code}`,
        },
        `appointment_request:${target.id}:${target.sentCount}`,
        now,
      );
    }
    return ids;
  }
}
