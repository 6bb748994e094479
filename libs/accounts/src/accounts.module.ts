import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule } from '@mesecvi/audit';
import { Authenticator } from '@mesecvi/http';
import { MailModule } from '@mesecvi/mail';
import { StatesModule } from '@mesecvi/states';
import { AccessTokens } from './access-tokens.service';
import { AccountChangeListener } from './account-change-listener';
import { AccountLinksService } from './account-links.service';
import { AccountTokensService } from './account-tokens.service';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import { BrowserSessionService } from './browser-session.service';
import { InvitationsService } from './invitations.service';
import { JwtAuthenticator } from './jwt-authenticator';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetThrottle } from './password-reset-throttle.service';

@Module({
  imports: [JwtModule.register({}), AuditModule, MailModule, StatesModule],
  providers: [
    AccessTokens,
    AccountChangeListener,
    AccountLinksService,
    AccountTokensService,
    AccountsService,
    AuthService,
    BrowserSessionService,
    InvitationsService,
    LoginThrottle,
    PasswordHasher,
    PasswordResetService,
    PasswordResetThrottle,
    JwtAuthenticator,
    { provide: Authenticator, useExisting: JwtAuthenticator },
  ],
  exports: [
    AccountChangeListener,
    AccountsService,
    AuthService,
    BrowserSessionService,
    InvitationsService,
    PasswordResetService,
    AccountLinksService,
    PasswordHasher,
    Authenticator,
  ],
})
export class AccountsModule {}
