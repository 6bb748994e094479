// Demo data for appointments: a permanent-mission contact for every state party, one request to
// all 32 states (titular expert and focal point) through the library's public API — so mails,
// reply deadlines and reminders are real — and the three demo states' answers recorded: their
// experts (demo accounts that can sign in) and focal points, and the Committee's two officers.
// Idempotent: nothing is created when the demo request already exists.
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppointmentRequests, AppointmentsModule, AppointmentsService, CommitteeOffices } from '@mesecvi/appointments';
import { Clock, ClockModule } from '@mesecvi/clock';
import { ConfigModule, loadConfig, type AppConfig } from '@mesecvi/config';
import { DatabaseModule } from '@mesecvi/database';
import { addDays, localDate } from '@mesecvi/deadlines';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { JobsModule } from '@mesecvi/jobs';
import { PolicyModule } from '@mesecvi/policy';

export const DEMO_REQUEST_MESSAGE = 'Ahead of the next Multilateral Evaluation Round (demo request).';

export interface DemoSeat {
  stateCode: string;
  kind: 'titular' | 'focal_point';
  name: string;
  email: string;
}

@Module({})
class SeedAppointmentsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SeedAppointmentsModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(ALL_ENTITIES, 'mesecvi-seed'),
        ClockModule,
        JobsModule,
        PolicyModule,
        AppointmentsModule,
      ],
    };
  }
}

/** Returns how many appointments it recorded (0 when the demo request already exists). */
export async function seedDemoAppointments(secretariatEmail: string, seats: DemoSeat[]): Promise<number> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(SeedAppointmentsModule.forRoot(config), { logger: ['error'] });
  try {
    const ds = app.get(DataSource);
    if ((await ds.query(`SELECT 1 FROM appointment_request WHERE message = $1`, [DEMO_REQUEST_MESSAGE])).length > 0)
      return 0;
    const [secretariat]: Array<{ id: string }> = await ds.query(`SELECT id FROM user_account WHERE email = $1`, [
      secretariatEmail,
    ]);
    const caller: Caller = { userId: secretariat.id, role: 'secretariat', stateCode: null, language: 'en' };
    const meta: RequestMeta = { requestId: 'seed-demo', caller };
    const now = await app.get(Clock).now();
    const today = localDate(now, config.mechanism.timeZone);
    await ds.query(
      `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at)
       SELECT s.code, 'permanent_mission', 'Permanent Mission of ' || s.name_en || ' to the OAS', 'mission.' || lower(s.code) || '@mesecvi.demo', $1, $1
         FROM state_party s
        WHERE NOT EXISTS (SELECT 1 FROM state_contact c WHERE c.state_code = s.code AND c.kind = 'permanent_mission')`,
      [now],
    );
    await app
      .get(AppointmentRequests)
      .open({ kinds: ['titular', 'focal_point'], replyDate: addDays(today, 30), message: DEMO_REQUEST_MESSAGE }, meta);
    const appointments = app.get(AppointmentsService);
    const titulars: string[] = [];
    for (const seat of seats) {
      const recorded = await appointments.record(
        {
          stateCode: seat.stateCode,
          kind: seat.kind,
          person: { name: seat.name, email: seat.email },
          noteReference: `Demo note ${seat.stateCode}/${seat.kind}`,
          notifiedOn: today,
          termStart: today,
        },
        meta,
      );
      if (seat.kind === 'titular') titulars.push(recorded.id);
    }
    const offices = app.get(CommitteeOffices);
    if (titulars[0])
      await offices.elect(
        { office: 'coordinator', appointmentId: titulars[0], method: 'consensus', termStart: today },
        meta,
      );
    if (titulars[1])
      await offices.elect(
        {
          office: 'alternate_coordinator',
          appointmentId: titulars[1],
          method: 'vote',
          votesFor: 20,
          votesAgainst: 8,
          abstentions: 2,
          termStart: today,
        },
        meta,
      );
    return seats.length;
  } finally {
    await app.close();
  }
}
