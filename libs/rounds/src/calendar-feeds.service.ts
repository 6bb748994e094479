import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import ical from 'ical-generator';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { COMMITTEE_KINDS } from '@mesecvi/deadlines';
import type { Caller, Language, RequestMeta, Role } from '@mesecvi/http';
import { CalendarFeed } from './calendar-feed.entity';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

const KIND_LABEL: Record<Language, Record<string, string>> = {
  en: {
    response: 'Questionnaire answers due',
    observations: 'Observations on the preliminary report due',
    clarification: 'Clarification due',
    follow_up: 'Follow-up report due',
    appointment_reply: 'Reply on appointments due',
    review: 'Rapporteurs’ review due',
  },
  es: {
    response: 'Vence el envío de respuestas al cuestionario',
    observations: 'Vencen las observaciones al informe preliminar',
    clarification: 'Vence la aclaración',
    follow_up: 'Vence el informe de seguimiento',
    appointment_reply: 'Vence la respuesta sobre designaciones',
    review: 'Vence la revisión de las relatoras',
  },
  fr: {
    response: 'Échéance des réponses au questionnaire',
    observations: 'Échéance des observations sur le rapport préliminaire',
    clarification: 'Échéance de la clarification',
    follow_up: 'Échéance du rapport de suivi',
    appointment_reply: 'Échéance de la réponse sur les nominations',
    review: 'Échéance de l’examen des rapporteuses',
  },
  pt: {
    response: 'Prazo das respostas ao questionário',
    observations: 'Prazo das observações ao relatório preliminar',
    clarification: 'Prazo do esclarecimento',
    follow_up: 'Prazo do relatório de acompanhamento',
    appointment_reply: 'Prazo da resposta sobre designações',
    review: 'Prazo da revisão das relatoras',
  },
};

interface FeedRow {
  id: string;
  kind: string;
  title: string | null;
  state_code: string;
  due_date: string;
  version: number;
}

/**
 * A person's deadlines as an iCalendar feed at a secret URL: calendar apps cannot send a login
 * token, so the URL itself is the credential — revocable, and only its hash is stored.
 */
@Injectable()
export class CalendarFeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new secret URL; any earlier one of the same person stops working. */
  async issue(caller: Caller, meta: RequestMeta): Promise<{ url: string }> {
    const now = await this.clock.now();
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(CalendarFeed)
        .update({ userId: caller.userId, revokedAt: IsNull() }, { revokedAt: now });
      await manager
        .getRepository(CalendarFeed)
        .insert({ userId: caller.userId, tokenHash: sha256(token), createdAt: now, revokedAt: null });
      await this.audit.record(manager, {
        actor: caller,
        action: 'calendar_feed.issued',
        entity: { type: 'user_account', id: caller.userId },
        requestId: meta.requestId,
        at: now,
      });
    });
    return { url: `${this.config.http.publicBaseUrl}/calendar/${token}.ics` };
  }

  async revoke(caller: Caller, meta: RequestMeta): Promise<void> {
    const now = await this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      // Revoking twice is harmless: the answer is the same, and nothing is left to revoke.
      const result = await manager
        .getRepository(CalendarFeed)
        .update({ userId: caller.userId, revokedAt: IsNull() }, { revokedAt: now });
      if (!result.affected) return;
      await this.audit.record(manager, {
        actor: caller,
        action: 'calendar_feed.revoked',
        entity: { type: 'user_account', id: caller.userId },
        requestId: meta.requestId,
        at: now,
      });
    });
  }

  /** The feed's content, or null for an unknown or revoked token (the route answers 404). */
  async render(token: string): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const owner: Array<{ role: Role; state_code: string | null; language: Language; status: string }> =
      await this.dataSource.query(
        `SELECT u.role, u.state_code, COALESCE(u.preferred_language, s.working_language, 'en') AS language, u.status
         FROM calendar_feed f JOIN user_account u ON u.id = f.user_id LEFT JOIN state_party s ON s.code = u.state_code
        WHERE f.token_hash = $1 AND f.revoked_at IS NULL`,
        [sha256(token)],
      );
    const person = owner[0];
    if (!person || person.status !== 'active') return null;
    const stateBound = person.role === 'state_focal_point' || person.role === 'state_contributor';
    if (!stateBound && person.role !== 'secretariat') return this.calendar([], person.language);
    const rows: FeedRow[] = await this.dataSource.query(
      `SELECT id, kind, title, state_code, to_char(due_date, 'YYYY-MM-DD') AS due_date, version
         FROM deadline WHERE status IN ('open', 'passed') ${stateBound ? 'AND state_code = $1 AND kind <> ALL($2::text[])' : ''} ORDER BY due_date, state_code`,
      // A state's users follow their own deadlines, not the committee's review of them.
      stateBound ? [person.state_code, COMMITTEE_KINDS] : [],
    );
    return this.calendar(rows, person.language);
  }

  private calendar(rows: FeedRow[], language: Language): string {
    const cal = ical({
      name: 'MESECVI',
      timezone: this.config.mechanism.timeZone,
      prodId: { company: 'OAS-CIM', product: 'MESECVI Follow-up Platform', language: language.toUpperCase() },
    });
    for (const r of rows) {
      const [y, m, d] = r.due_date.split('-').map(Number);
      cal.createEvent({
        id: `${r.id}@mesecvi`, // stable across extensions, so calendar apps move the event
        start: new Date(Date.UTC(y, m - 1, d)),
        allDay: true,
        summary: `${r.state_code}: ${r.title ?? KIND_LABEL[language][r.kind] ?? r.kind}`,
      });
    }
    return cal.toString();
  }
}
