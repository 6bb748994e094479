export { Clock, ClockService, FixedClock } from './clock.service';
export { ClockModule } from './clock.module';
export { ClockOffset } from './clock-offset.entity';
