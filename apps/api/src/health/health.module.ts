import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ForwardedHeaders } from './forwarded-headers.service';
import { HealthController } from './health.controller';
import { RedisPing } from './redis-ping.service';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [RedisPing, ForwardedHeaders],
})
export class HealthModule {}
