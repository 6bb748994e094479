import { Body, Controller, Get, Header, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  CommitteeOffices,
  CommitteeRoster,
  ConflictDeclarations,
  type CommitteeOfficeView,
  type ConflictDeclarationView,
  type DeclareConflictInput,
  type ElectOfficerInput,
  type OfficersView,
  type PendingSeat,
  type RosterMember,
  APPOINTMENT_RULES,
} from '@mesecvi/appointments';
import {
  AjvBodyPipe,
  AjvQueryPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  ApiProblems,
  ApiQueryFrom,
} from '@mesecvi/http';
import {
  conflictExample,
  conflictQuerySchema,
  declareConflictSchema,
  electOfficerSchema,
  officeExample,
  pendingExample,
  rosterExample,
  type ConflictQuery,
} from './appointments.dto';

@ApiTags('committee of experts')
@ApiBearerAuth()
@Controller('committee')
export class CommitteeController {
  constructor(
    private readonly roster: CommitteeRoster,
    private readonly offices: CommitteeOffices,
    private readonly conflicts: ConflictDeclarations,
  ) {}

  @Get('roster')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Current members of the Committee of Experts: state, titular or alternate, term, office (the secretariat and experts)',
  })
  @ApiOkResponse({ schema: { example: [rosterExample] } })
  members(): Promise<RosterMember[]> {
    return this.roster.members();
  }

  @Get('roster.csv')
  @Authenticated('secretariat', 'committee_expert')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="cevi-roster.csv"')
  @ApiOperation({ summary: 'The roster as CSV (the secretariat and experts)' })
  @ApiProduces('text/csv')
  csv(): Promise<string> {
    return this.roster.csv();
  }

  @Get('pending')
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'States without an active titular expert or without a focal point, with days pending (secretariat)',
  })
  @ApiOkResponse({ schema: { example: [pendingExample] } })
  pending(): Promise<PendingSeat[]> {
    return this.roster.pending();
  }

  @Get('officers')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'The Coordinator and Alternate Coordinator now, with term ends, and past terms (the secretariat and experts)',
  })
  @ApiOkResponse({
    schema: {
      example: { current: { coordinator: officeExample, alternate_coordinator: null }, history: [officeExample] },
    },
  })
  officers(): Promise<OfficersView> {
    return this.offices.officers();
  }

  @Post('officers')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Record the election of an officer from the active titular experts (secretariat): two-year term; a third consecutive term is refused (409)',
  })
  @ApiBody({ schema: openApiSchema(electOfficerSchema) })
  @ApiCreatedResponse({ schema: { example: officeExample } })
  @ApiProblems({
    409: [
      APPOINTMENT_RULES.officer_active_titular,
      APPOINTMENT_RULES.one_office_per_expert,
      APPOINTMENT_RULES.overlapping_office_term,
      APPOINTMENT_RULES.third_consecutive_term,
      APPOINTMENT_RULES.one_current_officer,
    ],
    422: [
      APPOINTMENT_RULES.known_appointment,
      APPOINTMENT_RULES.consensus_without_counts,
      APPOINTMENT_RULES.vote_counts_required,
      APPOINTMENT_RULES.simple_majority,
      APPOINTMENT_RULES.end_after_start,
    ],
  })
  elect(
    @Body(new AjvBodyPipe(electOfficerSchema)) body: ElectOfficerInput,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<CommitteeOfficeView> {
    return this.offices.elect(body, meta);
  }

  @Get('conflicts')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary: 'Conflict-of-interest declarations: the secretariat sees all (or one expert’s), an expert their own',
  })
  @ApiOkResponse({ schema: { example: [conflictExample] } })
  @ApiQueryFrom(conflictQuerySchema)
  listConflicts(
    @Query(new AjvQueryPipe(conflictQuerySchema)) query: ConflictQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<ConflictDeclarationView[]> {
    return this.conflicts.list(caller, query.expertUserId);
  }

  @Post('conflicts')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Declare a conflict of interest with a state (an expert for themselves; the secretariat for a named expert): that expert never evaluates it',
  })
  @ApiBody({ schema: openApiSchema(declareConflictSchema) })
  @ApiCreatedResponse({ schema: { example: conflictExample } })
  @ApiProblems({
    403: true,
    409: [APPOINTMENT_RULES.conflict_already_declared],
    422: [APPOINTMENT_RULES.expert_required, APPOINTMENT_RULES.known_expert, APPOINTMENT_RULES.known_state],
  })
  declare(
    @Body(new AjvBodyPipe(declareConflictSchema)) body: DeclareConflictInput,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ConflictDeclarationView> {
    return this.conflicts.declare(caller, body, meta);
  }
}
