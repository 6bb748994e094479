import { Module } from '@nestjs/common';
import { AccountsModule } from '@mesecvi/accounts';
import { ClientErrorsController } from './client-errors.controller';

@Module({
  imports: [AccountsModule],
  controllers: [ClientErrorsController],
})
export class ClientErrorsModule {}
