import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last heartbeat per worker process: proof that scheduled jobs run end to end. */
@Entity({ name: 'worker_heartbeat' })
export class WorkerHeartbeat {
  @PrimaryColumn({ name: 'worker_id', type: 'text' })
  workerId!: string;

  @Column({ name: 'beat_at', type: 'timestamptz' })
  beatAt!: Date;

  @Column({ name: 'beats', type: 'integer', default: 0 })
  beats!: number;
}
