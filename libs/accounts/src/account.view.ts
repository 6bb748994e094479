import type { Language } from '@mesecvi/http';
import type { AccountView } from './account.schemas';
import type { UserAccount } from './user-account.entity';

export function toAccountView(user: UserAccount, stateLanguage: Language | null): AccountView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    stateCode: user.stateCode,
    status: user.status,
    preferredLanguage: user.preferredLanguage,
    language: user.preferredLanguage ?? stateLanguage ?? 'en',
    createdAt: user.createdAt.toISOString(),
  };
}
