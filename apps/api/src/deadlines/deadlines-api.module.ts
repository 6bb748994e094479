import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@mesecvi/config';
import { DeadlinesModule } from '@mesecvi/deadlines';
import { DeadlinesController } from './deadlines.controller';
import { DemoClockController } from './demo-clock.controller';
import { ReminderLaddersController } from './reminder-ladders.controller';

@Module({})
export class DeadlinesApiModule {
  /** The demo clock route exists only where the clock may move (demo and test modes). */
  static forRoot(config: AppConfig): DynamicModule {
    const demo = config.clockMovable && (config.mode === 'demo' || config.mode === 'test');
    return {
      module: DeadlinesApiModule,
      imports: [DeadlinesModule],
      controllers: [DeadlinesController, ReminderLaddersController, ...(demo ? [DemoClockController] : [])],
    };
  }
}
