import type { Language, Role } from '@mesecvi/http';
import type { AccountStatus, UserAccount } from './user-account.entity';

export interface AccountView {
  id: string;
  email: string;
  name: string;
  role: Role;
  stateCode: string | null;
  status: AccountStatus;
  preferredLanguage: Language | null;
  /** The language mails and pages use: preferred, else the state's working language, else English. */
  language: Language;
  createdAt: string;
}

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
