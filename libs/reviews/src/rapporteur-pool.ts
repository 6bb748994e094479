import type { EntityManager } from 'typeorm';

export interface PoolMember {
  id: string;
  name: string;
  openAssignments: number;
}

/** Committee experts who may be rapporteurs: active accounts holding an active titular or alternate appointment. */
export async function rapporteurPool(manager: EntityManager, ids?: readonly string[]): Promise<PoolMember[]> {
  const rows: Array<{ id: string; name: string; open: number }> = await manager.query(
    `SELECT u.id, u.name, (SELECT count(*)::int FROM rapporteur_assignment a WHERE a.expert_user_id = u.id AND a.status = 'open') AS open
     FROM user_account u
     WHERE u.role = 'committee_expert' AND u.status = 'active'
       AND EXISTS (SELECT 1 FROM appointment p WHERE p.user_id = u.id AND p.kind IN ('titular', 'alternate') AND p.status = 'active')
       ${ids ? 'AND u.id = ANY($1::uuid[])' : ''}
     ORDER BY u.id`,
    ids ? [ids] : [],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, openAssignments: r.open }));
}
