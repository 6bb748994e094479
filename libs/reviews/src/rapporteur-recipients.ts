import type { EntityManager } from 'typeorm';
import type { CommitteeStandingService } from '@mesecvi/appointments';
import type { RecipientResolver } from '@mesecvi/deadlines';
import type { Language } from '@mesecvi/http';

export interface RapporteurRecipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** Review subjects: a review deadline is on its state evaluation. */
export const REVIEW_SUBJECT = 'state_evaluation';

/**
 * The rapporteurs of an evaluation who may be written to, each in her language: active accounts,
 * `open` ones only when `openOnly` (the review not done yet), else any not withdrawn; never one the
 * state is excluded for (her appointing state, a declared conflict), whatever the assignment says.
 */
export async function mailableRapporteurs(
  manager: EntityManager,
  standing: CommitteeStandingService,
  evaluation: { id: string; stateCode: string },
  options: { openOnly: boolean; expertUserIds?: string[] },
): Promise<RapporteurRecipient[]> {
  const rows: RapporteurRecipient[] = await manager.query(
    `SELECT u.id, u.email, u.name, COALESCE(u.preferred_language, s.working_language, 'en') AS language
       FROM rapporteur_assignment a
       JOIN user_account u ON u.id = a.expert_user_id
       LEFT JOIN state_party s ON s.code = u.state_code
      WHERE a.evaluation_id = $1 AND u.status = 'active'
        AND ${options.openOnly ? `a.status = 'open'` : `a.status <> 'withdrawn'`}
        AND ($2::uuid[] IS NULL OR a.expert_user_id = ANY($2::uuid[]))
      ORDER BY u.email`,
    [evaluation.id, options.expertUserIds ?? null],
  );
  const kept: RapporteurRecipient[] = [];
  for (const row of rows)
    if (!(await standing.excludedStates(row.id, manager)).includes(evaluation.stateCode)) kept.push(row);
  return kept;
}

/**
 * The `rapporteurs` recipient role of the reminder ladders: for a review deadline, the rapporteurs
 * whose review is not done yet. Any other deadline has none (the role means nothing there).
 */
export const rapporteursResolver =
  (standing: CommitteeStandingService): RecipientResolver =>
  async (manager, stateCode, subject) => {
    if (subject?.kind !== 'review' || subject.type !== REVIEW_SUBJECT) return [];
    const people = await mailableRapporteurs(manager, standing, { id: subject.id, stateCode }, { openOnly: true });
    return people.map((p) => ({
      address: p.email,
      name: p.name,
      userId: p.id,
      language: p.language,
      ledgerRole: 'rapporteur',
    }));
  };
