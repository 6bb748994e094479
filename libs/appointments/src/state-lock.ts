import type { EntityManager } from 'typeorm';
import { StateParty } from '@mesecvi/states';
import { fieldInvalid } from './appointment-rules';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

/** Locks the state's row: recordings for one state run one after the other (the index is the backstop). */
export async function lockState(
  manager: EntityManager,
  stateCode: string,
  pointer = '/stateCode',
): Promise<StateParty> {
  const code = stateCode.toUpperCase();
  const state = await manager
    .getRepository(StateParty)
    .createQueryBuilder('s')
    .setLock('pessimistic_write')
    .where('s.code = :code', { code })
    .getOne();
  if (!state) throw fieldInvalid(pointer, APPOINTMENT_RULES.known_state, { stateCode });
  return state;
}
