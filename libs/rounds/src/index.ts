export {
  ROUND_PHASES,
  phaseTransitionProblem,
  assertPhaseTransition,
  type RoundPhase,
  type RoundFacts,
} from './round-phase';
export {
  EVALUATION_STATUSES,
  nextEvaluationStatus,
  requireEvaluationTransition,
  type EvaluationStatus,
  type EvaluationEvent,
} from './evaluation-status';
export { Round, type RoundKind } from './round.entity';
export { StateEvaluation } from './state-evaluation.entity';
export { AnswerDraft } from './answer-draft.entity';
export { ExtensionRequest, type ExtensionStatus } from './extension-request.entity';
export { CalendarFeed } from './calendar-feed.entity';
export { toRoundView, type RoundView } from './round.view';
export { RoundViewSchema, RoundListSchema, ROUND_KINDS } from './round.schemas';
export { RoundsService, type RoundInput, type RoundChanges } from './rounds.service';
export { RoundsModule } from './rounds.module';
export { DistributionService, type DistributionResult } from './distribution.service';
export { EvaluationsService } from './evaluations.service';
export { EvaluationTransitions, type LockedEvaluation, type TransitionContext } from './evaluation-transitions.service';
export { ExtensionsService } from './extensions.service';
export {
  EvaluationViewSchema,
  EvaluationListSchema,
  EvaluationQuestionnaireSchema,
  EXTENSION_STATUSES,
  ExtensionRequestInputSchema,
  ExtensionDecisionSchema,
  ExtensionViewSchema,
  ExtensionListSchema,
  type ExtensionRequestInput,
  type ExtensionDecision,
  type ExtensionView,
} from './evaluation.schemas';
export { CalendarFeedsService } from './calendar-feeds.service';
export { toEvaluationView, type EvaluationView } from './evaluation.view';
export { ROUND_RULES } from './round-rules';
