import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  IfMatch,
  openApiSchema,
  type Caller,
  type Precondition,
  type RequestMeta,
  ApiProblems,
} from '@mesecvi/http';
import { DEADLINE_RULES, DeadlineViewSchema, type DeadlineView } from '@mesecvi/deadlines';
import {
  RapporteurAssignments,
  ReviewDueDates,
  ReviewDueDateSchema,
  type RapporteurAssignmentView,
  type ReviewDueDateInput,
  type RapporteurProposal,
  REVIEW_RULES,
  RapporteurAssignmentListSchema,
  RapporteurAssignmentViewSchema,
} from '@mesecvi/reviews';
import {
  acceptRapporteursSchema,
  assignRapporteursSchema,
  proposeRapporteursSchema,
  type AcceptRapporteursBody,
  type AssignRapporteursBody,
  type ProposeRapporteursBody,
} from './reviews.dto';

/** What refuses an assignment, whether made directly or by accepting a proposal. */
const ASSIGNMENT_CONFLICTS = [
  REVIEW_RULES.evaluation_not_reviewable,
  REVIEW_RULES.rapporteur_excluded_named_state,
  REVIEW_RULES.rapporteur_excluded_state,
  REVIEW_RULES.rapporteur_already_assigned,
];

@ApiTags('committee review')
@ApiBearerAuth()
@Controller()
export class RapporteursController {
  constructor(
    private readonly assignments: RapporteurAssignments,
    private readonly dueDates: ReviewDueDates,
  ) {}

  @Get('evaluations/:id/rapporteurs')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary: "An evaluation's rapporteurs (the secretariat, the Coordinator, its rapporteurs; 404 for other experts)",
  })
  @ApiOkResponse({ schema: openApiSchema(RapporteurAssignmentListSchema) })
  @ApiProblems({ 404: true })
  list(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RapporteurAssignmentView[]> {
    return this.assignments.listForEvaluation(caller, id, meta);
  }

  @Post('evaluations/:id/rapporteurs')
  @HttpCode(200)
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Assign rapporteurs (the secretariat, or the Coordinator except for their own state and conflicts): never an expert’s appointing state or declared conflict (409 rapporteur_excluded_state); moves submitted → under_review',
  })
  @ApiBody({ schema: openApiSchema(assignRapporteursSchema) })
  @ApiOkResponse({ schema: openApiSchema(RapporteurAssignmentListSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: ASSIGNMENT_CONFLICTS,
    422: [REVIEW_RULES.committee_member],
  })
  assign(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(assignRapporteursSchema)) body: AssignRapporteursBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RapporteurAssignmentView[]> {
    return this.assignments.assign(caller, id, body.expertUserIds, meta);
  }

  @Put('evaluations/:id/review-due-date')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Set or change when the rapporteurs’ review is due (secretariat): a `review` deadline whose reminder goes to each rapporteur not done 7 days before; the assignment mail states it. 422 due_date_in_past unless confirmPastDue; If-Match: the deadline version',
  })
  @ApiBody({ schema: openApiSchema(ReviewDueDateSchema) })
  @ApiOkResponse({ schema: openApiSchema(DeadlineViewSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [REVIEW_RULES.review_due_date_not_open],
    412: true,
    422: [DEADLINE_RULES.due_date_in_past],
  })
  setReviewDueDate(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(ReviewDueDateSchema)) body: ReviewDueDateInput,
    @IfMatch({ required: false }) precondition: Precondition,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DeadlineView> {
    return this.dueDates.set(caller, id, body, precondition.version(), meta);
  }

  @Post('rapporteur-assignments/:id/withdrawal')
  @HttpCode(200)
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Withdraw an open assignment (the secretariat or the Coordinator), e.g. one flagged because the expert’s appointment ended',
  })
  @ApiOkResponse({ schema: openApiSchema(RapporteurAssignmentViewSchema) })
  @ApiProblems({ 403: true, 404: true, 409: [REVIEW_RULES.assignment_not_open] })
  withdraw(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RapporteurAssignmentView> {
    return this.assignments.withdraw(caller, id, meta);
  }

  @Get('rounds/:id/rapporteur-assignments')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      "A round's assignments: the secretariat sees all (expertAppointed=false flags an ended appointment), an expert their own",
  })
  @ApiOkResponse({ schema: openApiSchema(RapporteurAssignmentListSchema) })
  @ApiProblems({ 404: true })
  listRound(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RapporteurAssignmentView[]> {
    return this.assignments.listForRound(caller, id);
  }

  @Post('rounds/:id/rapporteur-proposal')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Propose rapporteurs for every submitted evaluation of the round: size (default RAPPORTEURS_PER_STATE), no conflicts, balanced, deterministic for a seed (nothing is written)',
  })
  @ApiBody({ schema: openApiSchema(proposeRapporteursSchema) })
  propose(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(proposeRapporteursSchema)) body: ProposeRapporteursBody,
  ): Promise<RapporteurProposal> {
    return this.assignments.propose(id, body.size ?? null, body.seed ?? id);
  }

  @Post('rounds/:id/rapporteur-assignments')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Accept a proposal, as proposed or edited: every rule is checked again, all or nothing' })
  @ApiBody({ schema: openApiSchema(acceptRapporteursSchema) })
  @ApiOkResponse({ schema: openApiSchema(RapporteurAssignmentListSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: ASSIGNMENT_CONFLICTS,
    422: [REVIEW_RULES.committee_member, REVIEW_RULES.evaluation_in_round],
  })
  accept(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(acceptRapporteursSchema)) body: AcceptRapporteursBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RapporteurAssignmentView[]> {
    return this.assignments.accept(caller, id, body.assignments, meta);
  }
}
