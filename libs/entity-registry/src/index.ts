import { ClockOffset } from '@mesecvi/clock';
import { WorkerHeartbeat } from '@mesecvi/jobs';
import type { EntityList } from '@mesecvi/database';
import { AuditEvent } from '@mesecvi/audit';
import { StateContact, StateParty } from '@mesecvi/states';
import { AccountToken, RefreshToken, UserAccount } from '@mesecvi/accounts';
import { OutboxMessage } from '@mesecvi/mail';

/**
 * Every persisted entity of the platform, in one list. The api, the worker, the migration CLI
 * and the drift test all use it, so an entity cannot be known to one and missing from another.
 */
export const ALL_ENTITIES: EntityList = [ClockOffset, WorkerHeartbeat, StateParty, StateContact, UserAccount, RefreshToken, AccountToken, AuditEvent, OutboxMessage];
