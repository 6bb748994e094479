import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A state's new version answering a clarification request. */
export interface ClarificationAnswered {
  evaluationId: string;
  stateCode: string;
  submissionId: string;
  versionNumber: number;
}

/** Runs in the submission's transaction; returns the ids of the mails it staged (woken after commit). */
export type ClarificationAnsweredHook = (
  manager: EntityManager,
  answered: ClarificationAnswered,
  now: Date,
) => Promise<string[]>;

/**
 * What else happens when a clarification is answered, registered by libraries above this one
 * (the reviews library tells the rapporteurs), so submissions never depend on them.
 */
@Injectable()
export class ClarificationAnsweredHooks {
  private readonly hooks: ClarificationAnsweredHook[] = [];

  register(hook: ClarificationAnsweredHook): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, answered: ClarificationAnswered, now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (const hook of this.hooks) ids.push(...(await hook(manager, answered, now)));
    return ids;
  }
}
