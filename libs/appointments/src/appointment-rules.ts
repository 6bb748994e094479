import { fieldInvalid, ruleConflict } from '@mesecvi/errors';
import type { AppointmentKind } from './appointment-vocabulary';
import { MAX_CONSECUTIVE_TERMS } from './appointment-vocabulary';

/**
 * The rules of appointments and offices as pure functions (no services), so the spec beside this
 * file checks them without a database. Each refusal names its rule in `rule`.
 */
export { fieldInvalid, ruleConflict };

/** A term ends on or after its start (the database checks it too). */
export function assertTerm(termStart: string, termEnd: string | null | undefined, pointer = '/termEnd'): void {
  if (termEnd && termEnd < termStart)
    throw fieldInvalid(
      pointer,
      `The term must not end (${termEnd}) before it starts (${termStart}).`,
      'end_after_start',
    );
}

export interface SeatHolder {
  id: string;
  termStart: string;
}

/**
 * A new appointment to a seat names the active one it replaces, or none when the seat is empty;
 * anything else is a 409 (`replaces_mismatch`), with the current holder's id so the client can retry.
 */
export function assertReplaces(
  kind: AppointmentKind,
  stateCode: string,
  current: SeatHolder | null,
  replacesId: string | null | undefined,
): void {
  if (current && replacesId !== current.id) {
    throw ruleConflict(
      'replaces_mismatch',
      `${stateCode} already has an active ${kind} appointment; name it in replacesId to replace it.`,
      { currentAppointmentId: current.id },
    );
  }
  if (!current && replacesId) {
    throw ruleConflict(
      'replaces_mismatch',
      `The appointment named in replacesId is not the active ${kind} of ${stateCode}: the seat is empty, omit replacesId.`,
      {
        currentAppointmentId: null,
      },
    );
  }
}

/**
 * Terms of one seat do not overlap: a new term starts on or after the replaced one's start, and
 * on or after the end of every earlier term of the seat.
 */
export function assertNoOverlap(termStart: string, current: SeatHolder | null, latestEnd: string | null): void {
  if (current && termStart < current.termStart) {
    throw ruleConflict(
      'overlapping_terms',
      `The new term starts (${termStart}) before the term it replaces (${current.termStart}).`,
    );
  }
  if (!current && latestEnd && termStart < latestEnd) {
    throw ruleConflict(
      'overlapping_terms',
      `The new term starts (${termStart}) before the previous term of this seat ended (${latestEnd}).`,
    );
  }
}

export interface OfficeTerm {
  expertUserId: string;
  termStart: string;
}

/**
 * Re-election is allowed once: with the office's terms newest first, a person who held the last
 * two in a row may not be elected a third consecutive time.
 */
export function assertConsecutiveTerms(expertUserId: string, history: readonly OfficeTerm[]): void {
  const sorted = [...history].sort((a, b) => (a.termStart < b.termStart ? 1 : -1));
  let run = 0;
  for (const term of sorted) {
    if (term.expertUserId !== expertUserId) break;
    run += 1;
  }
  if (run >= MAX_CONSECUTIVE_TERMS) {
    throw ruleConflict(
      'third_consecutive_term',
      `This expert has held the office for ${run} consecutive terms; re-election is allowed once, so a third consecutive term is refused.`,
    );
  }
}

export interface VoteCount {
  votesFor?: number | null;
  votesAgainst?: number | null;
  abstentions?: number | null;
}

/** Consensus carries no counts; a vote carries them and elects with a simple majority of votes cast. */
export function assertElection(method: 'consensus' | 'vote', votes: VoteCount): void {
  const given = votes.votesFor != null || votes.votesAgainst != null || votes.abstentions != null;
  if (method === 'consensus') {
    if (given)
      throw fieldInvalid('/votesFor', 'An election by consensus has no vote counts.', 'consensus_without_counts');
    return;
  }
  if (votes.votesFor == null) throw fieldInvalid('/votesFor', 'A vote needs votesFor.', 'vote_counts_required');
  if (votes.votesAgainst == null)
    throw fieldInvalid('/votesAgainst', 'A vote needs votesAgainst.', 'vote_counts_required');
  if (votes.votesFor <= votes.votesAgainst) {
    throw fieldInvalid(
      '/votesFor',
      'A vote elects with a simple majority: votesFor must exceed votesAgainst.',
      'simple_majority',
    );
  }
}
