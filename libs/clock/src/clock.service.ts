import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';

/** The one source of "now". Domain code never calls `new Date()` itself. */
export abstract class Clock {
  abstract now(): Promise<Date>;
}

/** Real time, plus — in test and demo modes only — an offset read from PostgreSQL. */
@Injectable()
export class ClockService extends Clock {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    super();
  }

  async now(): Promise<Date> {
    if (!this.config.clockMovable) return new Date();
    const rows: Array<{ offset_ms: string }> = await this.dataSource.query(
      'SELECT offset_ms FROM clock_offset WHERE id = 1',
    );
    const offset = rows.length > 0 ? Number(rows[0].offset_ms) : 0;
    return new Date(Date.now() + offset);
  }

  /** Moves time by `ms` for every process sharing this database. Refused outside test/demo. */
  async advance(ms: number): Promise<Date> {
    if (!this.config.clockMovable) throw new Error('The clock can only be moved in test or demo mode');
    await this.dataSource.query(
      `INSERT INTO clock_offset (id, offset_ms, updated_at) VALUES (1, $1, clock_timestamp())
       ON CONFLICT (id) DO UPDATE SET offset_ms = clock_offset.offset_ms + EXCLUDED.offset_ms, updated_at = clock_timestamp()`,
      [ms],
    );
    return this.now();
  }
}

/** A clock for unit tests of pure rules: no services, time set by the test. */
export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  async now(): Promise<Date> {
    return new Date(this.current.getTime());
  }
  set(date: Date): void {
    this.current = new Date(date.getTime());
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
