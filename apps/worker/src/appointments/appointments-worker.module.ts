import { Module } from '@nestjs/common';
import { AppointmentsModule } from '@mesecvi/appointments';
import { PolicyModule } from '@mesecvi/policy';

/**
 * The worker runs the deadlines engine's sweep; importing the appointments library registers its
 * deadline-passed handler (an appointment's end date) and the `appointed_expert` recipient there.
 */
@Module({ imports: [PolicyModule, AppointmentsModule] })
export class AppointmentsWorkerModule {}
