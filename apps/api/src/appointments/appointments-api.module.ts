import { Module } from '@nestjs/common';
import { AppointmentsModule } from '@mesecvi/appointments';
import { AppointmentRequestsController } from './appointment-requests.controller';
import { AppointmentsController } from './appointments.controller';
import { CommitteeController } from './committee.controller';
import { StateAppointmentsController } from './state-appointments.controller';

@Module({
  imports: [AppointmentsModule],
  controllers: [
    AppointmentsController,
    StateAppointmentsController,
    AppointmentRequestsController,
    CommitteeController,
  ],
})
export class AppointmentsApiModule {}
