import type { Language } from '@mesecvi/http';
import type { RecipientResolver } from '@mesecvi/deadlines';

/**
 * The deadlines engine's `appointed_expert` recipient: the state's active titular expert, from
 * the appointments register (not any expert account bound to the state), when their account is active.
 */
export const appointedExpertResolver: RecipientResolver = async (manager, stateCode) => {
  const rows: Array<{ id: string; email: string; name: string; language: Language }> = await manager.query(
    `SELECT u.id, u.email, u.name, COALESCE(u.preferred_language, a.person_language, s.working_language, 'en') AS language
       FROM appointment a
       JOIN user_account u ON u.id = a.user_id AND u.status = 'active'
       JOIN state_party s ON s.code = a.state_code
      WHERE a.state_code = $1 AND a.kind = 'titular' AND a.status = 'active'`,
    [stateCode],
  );
  return rows.map((r) => ({
    address: r.email,
    name: r.name,
    userId: r.id,
    language: r.language,
    ledgerRole: 'committee_expert',
  }));
};
