import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A single row holding how far test or demo time is moved from real time. Kept in PostgreSQL so
 * that moving time reaches the api and worker processes alike.
 */
@Entity({ name: 'clock_offset' })
export class ClockOffset {
  @PrimaryColumn({ type: 'smallint', default: 1 })
  id!: number;

  @Column({ name: 'offset_ms', type: 'bigint', default: 0 })
  offsetMs!: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
