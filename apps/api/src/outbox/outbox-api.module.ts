import { Module } from '@nestjs/common';
import { MailModule } from '@mesecvi/mail';
import { OutboxController } from './outbox.controller';

@Module({
  imports: [MailModule],
  controllers: [OutboxController],
})
export class OutboxApiModule {}
