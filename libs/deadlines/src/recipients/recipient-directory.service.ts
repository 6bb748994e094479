import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '@mesecvi/http';
import { serverPages, webLink } from '@mesecvi/web-links';
import type { DeadlineKind, RecipientRole } from '../deadline-vocabulary';

/** One person or office a reminder goes to, resolved at send time. */
export interface Recipient {
  address: string;
  name: string | null;
  userId: string | null;
  /** Their preferred language, else their state's working language (English for the secretariat). */
  language: Language;
  /** How the ledger names the role they were addressed in (an account role or a contact kind). */
  ledgerRole: string;
  /** A permanent mission addressed because its state has no focal point: the mail says how to designate one. */
  standsInForFocalPoint?: boolean;
}

/** The ledger role of a permanent mission addressed in place of a missing focal point. */
export const MISSION_FOR_FOCAL_POINT = 'permanent_mission_for_focal_point';

/** The public page, in four languages, explaining how a state designates its focal point. */
export const focalPointPageLink = (publicBaseUrl: string, language: Language): string =>
  webLink(publicBaseUrl, serverPages.focalPoint.path(), { lang: language });

/** The deadline a reminder is about, for a role whose people depend on it (an evaluation's rapporteurs). */
export interface ReminderSubject {
  kind: DeadlineKind;
  type: string;
  id: string;
}

/** Resolves a role for a state to recipients, inside the caller's transaction; `subject` is set for reminders. */
export type RecipientResolver = (
  manager: EntityManager,
  stateCode: string,
  subject: ReminderSubject | null,
) => Promise<Recipient[]>;

interface AccountRow {
  id: string;
  email: string;
  name: string;
  language: Language;
}

const accounts =
  (role: string, ledgerRole: string, scoped: boolean): RecipientResolver =>
  async (manager, stateCode) => {
    const rows: AccountRow[] = await manager.query(
      `SELECT u.id, u.email, u.name, COALESCE(u.preferred_language, s.working_language, 'en') AS language
         FROM user_account u LEFT JOIN state_party s ON s.code = u.state_code
        WHERE u.role = $1 AND u.status = 'active' ${scoped ? 'AND u.state_code = $2' : ''}
        ORDER BY u.email`,
      scoped ? [role, stateCode] : [role],
    );
    return rows.map((r) => ({ address: r.email, name: r.name, userId: r.id, language: r.language, ledgerRole }));
  };

const permanentMission: RecipientResolver = async (manager, stateCode) => {
  // A bare contact address has no preference: it gets the state's working language.
  const rows: Array<{ email: string; name: string; language: Language }> = await manager.query(
    `SELECT c.email, c.name, s.working_language AS language
       FROM state_contact c JOIN state_party s ON s.code = c.state_code
      WHERE c.state_code = $1 AND c.kind = 'permanent_mission'
      ORDER BY c.created_at, c.id`,
    [stateCode],
  );
  return rows.map((r) => ({
    address: r.email,
    name: r.name,
    userId: null,
    language: r.language,
    ledgerRole: 'permanent_mission',
  }));
};

/**
 * Who is behind each recipient role of a ladder, read at the moment a reminder is sent (so a new
 * focal point designated last week gets it). Later issues replace a resolver — e.g. the appointed
 * expert from the appointments register — through `register`.
 */
@Injectable()
export class RecipientDirectory {
  private readonly resolvers = new Map<RecipientRole, RecipientResolver>([
    ['focal_point', accounts('state_focal_point', 'state_focal_point', true)],
    ['contributors', accounts('state_contributor', 'state_contributor', true)],
    // Until appointments exist: active expert accounts whose appointing state is this one.
    ['appointed_expert', accounts('committee_expert', 'committee_expert', true)],
    ['permanent_mission', permanentMission],
    ['secretariat', accounts('secretariat', 'secretariat', false)],
    // Nobody until the reviews library registers the rapporteurs of the reminder's evaluation.
    ['rapporteurs', () => Promise.resolve([])],
  ]);

  register(role: RecipientRole, resolver: RecipientResolver): void {
    this.resolvers.set(role, resolver);
  }

  async resolve(
    manager: EntityManager,
    role: RecipientRole,
    stateCode: string,
    subject: ReminderSubject | null = null,
  ): Promise<Recipient[]> {
    const resolver = this.resolvers.get(role);
    if (!resolver) throw new Error(`no recipient resolver for role "${role}"`);
    // One address once, even if two accounts share it.
    const seen = new Set<string>();
    return (await resolver(manager, stateCode, subject)).filter((r) => {
      const key = r.address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * The focal point, or — while the state has none — its permanent mission in its place, so a
   * state without an account still hears of its questionnaire and deadlines before they pass.
   */
  async resolveFocalPointOrMission(manager: EntityManager, stateCode: string): Promise<Recipient[]> {
    const focalPoints = await this.resolve(manager, 'focal_point', stateCode);
    if (focalPoints.length > 0) return focalPoints;
    return (await this.resolve(manager, 'permanent_mission', stateCode)).map((r) => ({
      ...r,
      ledgerRole: MISSION_FOR_FOCAL_POINT,
      standsInForFocalPoint: true,
    }));
  }
}
