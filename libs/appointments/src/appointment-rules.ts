import { fieldInvalid, ruleConflict } from '@mesecvi/errors';
import type { AppointmentKind } from './appointment-vocabulary';
import { MAX_CONSECUTIVE_TERMS } from './appointment-vocabulary';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

/**
 * The rules of appointments and offices as pure functions (no services), so the spec beside this
 * file checks them without a database. Each refusal names its rule in `rule`.
 */
export { fieldInvalid, ruleConflict };

/** A term ends on or after its start (the database checks it too). */
export function assertTerm(termStart: string, termEnd: string | null | undefined, pointer = '/termEnd'): void {
  if (termEnd && termEnd < termStart)
    throw fieldInvalid(pointer, APPOINTMENT_RULES.end_after_start, { termEnd, termStart });
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
    throw ruleConflict(APPOINTMENT_RULES.replaces_mismatch, { stateCode, kind }, { currentAppointmentId: current.id });
  }
  if (!current && replacesId) {
    throw ruleConflict(
      APPOINTMENT_RULES.replaces_mismatch_empty_seat,
      { stateCode, kind },
      { currentAppointmentId: null },
    );
  }
}

/**
 * Terms of one seat do not overlap: a new term starts on or after the replaced one's start, and
 * on or after the end of every earlier term of the seat.
 */
export function assertNoOverlap(termStart: string, current: SeatHolder | null, latestEnd: string | null): void {
  if (current && termStart < current.termStart) {
    throw ruleConflict(APPOINTMENT_RULES.overlapping_terms, { termStart, currentTermStart: current.termStart });
  }
  if (!current && latestEnd && termStart < latestEnd) {
    throw ruleConflict(APPOINTMENT_RULES.overlapping_previous_term, { termStart, previousTermEnd: latestEnd });
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
    throw ruleConflict(APPOINTMENT_RULES.third_consecutive_term, { run });
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
    if (given) throw fieldInvalid('/votesFor', APPOINTMENT_RULES.consensus_without_counts);
    return;
  }
  if (votes.votesFor == null)
    throw fieldInvalid('/votesFor', APPOINTMENT_RULES.vote_counts_required, { field: 'votesFor' });
  if (votes.votesAgainst == null)
    throw fieldInvalid('/votesAgainst', APPOINTMENT_RULES.vote_counts_required, { field: 'votesAgainst' });
  if (votes.votesFor <= votes.votesAgainst) {
    throw fieldInvalid('/votesFor', APPOINTMENT_RULES.simple_majority);
  }
}
