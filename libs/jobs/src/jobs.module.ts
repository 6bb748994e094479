import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { ALL_QUEUE_NAMES } from './job-names';
import { redisOptionsFromUrl } from './redis-connection';
import { JobQueues } from './job-queues.service';

/** The BullMQ connection and every queue; both api (producer) and worker (consumer) import it. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisOptionsFromUrl(config.redis.url, true),
        prefix: config.redis.queuePrefix,
        defaultJobOptions: {
          removeOnComplete: 1000,
          removeOnFail: 5000,
          attempts: 5,
          backoff: { type: 'exponential', delay: 1000 },
        },
      }),
    }),
    ...ALL_QUEUE_NAMES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobQueues],
  exports: [BullModule, JobQueues],
})
export class JobsModule {}
