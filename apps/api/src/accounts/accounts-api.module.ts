import { Module } from '@nestjs/common';
import { AccountsModule } from '@mesecvi/accounts';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { AuthController } from '../auth/auth.controller';
import { SessionController } from '../auth/session.controller';
import { SessionCookie } from '../auth/session-cookie';
import { AccountPagesController } from '../account-pages/account-pages.controller';
import { FocalPointPageController } from '../account-pages/focal-point-page.controller';
import { AccountsController } from './accounts.controller';
import { MeController } from './me.controller';

@Module({
  imports: [AccountsModule],
  controllers: [
    AuthController,
    SessionController,
    AccountsController,
    MeController,
    AccountPagesController,
    FocalPointPageController,
  ],
  providers: [
    {
      provide: SessionCookie,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SessionCookie(config.http.publicBaseUrl.startsWith('https:')),
    },
  ],
  exports: [AccountsModule],
})
export class AccountsApiModule {}
