import { Module } from '@nestjs/common';
import { AccountsModule } from '@mesecvi/accounts';
import { AuthController } from '../auth/auth.controller';
import { AccountPagesController } from '../account-pages/account-pages.controller';
import { FocalPointPageController } from '../account-pages/focal-point-page.controller';
import { AccountsController } from './accounts.controller';
import { MeController } from './me.controller';

@Module({
  imports: [AccountsModule],
  controllers: [AuthController, AccountsController, MeController, AccountPagesController, FocalPointPageController],
  exports: [AccountsModule],
})
export class AccountsApiModule {}
