import type { FieldProblem } from '@mesecvi/errors';
import type { EvaluationStatus } from '@mesecvi/rounds';

/** Who last changed an item of the draft, and whether it still holds an answer carried over from an earlier round. */
export interface ItemEditView {
  editedBy: string | null;
  editedAt: string;
  /** The submission it was carried over from, until someone edits it. */
  prefilledFrom: string | null;
}

export interface DraftView {
  evaluationId: string;
  evaluationStatus: EvaluationStatus;
  /** Sent as the ETag; writes send it back in If-Match. */
  version: number;
  document: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string | null;
  items: Record<string, ItemEditView>;
  /** What still stands between this draft and a valid submission, in the caller's language. */
  remainingProblems: FieldProblem[];
}

/** What a save answers: the new version and what is left to do (the document is the one just sent). */
export interface DraftSaveResult {
  evaluationId: string;
  evaluationStatus: EvaluationStatus;
  version: number;
  updatedAt: string;
  changedItems: string[];
  remainingProblems: FieldProblem[];
}
