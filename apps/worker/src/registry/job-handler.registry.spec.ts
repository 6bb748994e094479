import { ALL_JOB_NAMES, JobName } from '@mesecvi/jobs';
import { assertComplete, JobRegistryError } from './job-handler.registry';

describe('job handler registry check', () => {
  it('passes when every job name has a handler', () => {
    expect(() => assertComplete([...ALL_JOB_NAMES])).not.toThrow();
  });

  it('refuses to start when a job name has no handler, naming it', () => {
    expect(() => assertComplete([], [JobName.Heartbeat])).toThrow(JobRegistryError);
    expect(() => assertComplete([], [JobName.Heartbeat])).toThrow('No handler registered for job(s): heartbeat');
  });
});
