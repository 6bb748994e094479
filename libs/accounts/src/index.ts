export { UserAccount, ACCOUNT_STATUSES, type AccountStatus } from './user-account.entity';
export { RefreshToken } from './refresh-token.entity';
export { AccountToken, ACCOUNT_TOKEN_PURPOSES, type AccountTokenPurpose } from './account-token.entity';
export { AccountsModule } from './accounts.module';
export { AccountsService } from './accounts.service';
export { AuthService, AUTH_MESSAGES } from './auth.service';
export { BrowserSessionService, type BrowserSessionGrant } from './browser-session.service';
export { InvitationsService } from './invitations.service';
export { PasswordResetService } from './password-reset.service';
export { AccountLinksService } from './account-links.service';
export { PasswordHasher } from './password-hasher';
export { toAccountView } from './account.view';
export {
  AccountViewSchema,
  TokenPairSchema,
  BrowserSessionSchema,
  type BrowserSession,
  OwnAccountChangesSchema,
  InvitationSchema,
  AccountFilterSchema,
  AccountListSchema,
  type InvitationInput,
  type AccountFilter,
  type AccountView,
  type TokenPair,
  type OwnAccountChanges,
} from './account.schemas';
export { ROLE_LABELS } from './role-labels';
export { PASSWORD_MIN, passwordProblem, type PasswordProblem } from './password-policy';
export {
  passwordFormPage,
  invalidLinkPage,
  expiredFormPage,
  donePage,
  languageFromHeader,
  type PagePurpose,
} from './pages/account-pages';
export { focalPointPage } from './pages/focal-point-page';
export { accountConflict } from './account-errors';
export { AccountChangeListener, ACCOUNT_CHANGED_CHANNEL } from './account-change-listener';
export { CallerCache } from './caller-cache';
export { LoginThrottle } from './login-throttle.service';
export { ACCOUNT_RULES } from './account-rules';
