import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AccountToken, type AccountTokenPurpose } from './account-token.entity';
import { hashToken, newSecretToken } from './secret-token';
import { UserAccount } from './user-account.entity';

export interface ValidToken {
  token: AccountToken;
  user: UserAccount;
}

/** Single-use, expiring e-mail links. Issuing a new one voids the user's earlier unused ones. */
@Injectable()
export class AccountTokensService {
  constructor(private readonly dataSource: DataSource) {}

  async issue(
    manager: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
    now: Date,
  ): Promise<{ token: string; expiresAt: Date }> {
    const repo = manager.getRepository(AccountToken);
    await repo.update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(now.getTime() + ttlMs);
    await repo.insert({ userId, purpose, tokenHash: hash, createdAt: now, expiresAt, usedAt: null });
    return { token, expiresAt };
  }

  /** Voids every unused link of a user (when the account is disabled). */
  async voidAll(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await manager.getRepository(AccountToken).update({ userId, usedAt: IsNull() }, { usedAt: now });
  }

  /** Reads a link without using it (to render its page). */
  async peek(token: string, purpose: AccountTokenPurpose, now: Date): Promise<ValidToken | null> {
    return this.find(this.dataSource.manager, token, purpose, now, false);
  }

  /** Locks and marks the link used; null when it is unknown, used, expired or for another purpose. */
  async consume(
    manager: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
    now: Date,
  ): Promise<ValidToken | null> {
    const found = await this.find(manager, token, purpose, now, true);
    if (!found) return null;
    await manager.getRepository(AccountToken).update({ id: found.token.id }, { usedAt: now });
    return found;
  }

  private async find(
    manager: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
    now: Date,
    lock: boolean,
  ): Promise<ValidToken | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const query = manager
      .getRepository(AccountToken)
      .createQueryBuilder('t')
      .where('t.token_hash = :hash', { hash: hashToken(token) });
    if (lock) query.setLock('pessimistic_write');
    const row = await query.getOne();
    if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt <= now) return null;
    const user = await manager.getRepository(UserAccount).findOneBy({ id: row.userId });
    return user ? { token: row, user } : null;
  }
}
