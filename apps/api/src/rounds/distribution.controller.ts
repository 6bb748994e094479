import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvBodyPipe,
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
} from '@mesecvi/http';
import {
  DistributionService,
  EvaluationListSchema,
  EvaluationsService,
  type DistributionResult,
  type EvaluationView,
} from '@mesecvi/rounds';
import { distributionSchema, type DistributionBody } from './rounds.dto';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds/:id')
export class DistributionController {
  constructor(
    private readonly distribution: DistributionService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Post('distribution')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Distribute the questionnaire to every state party or a subset (idempotent: states already distributed to are left alone)',
  })
  @ApiBody({ schema: openApiSchema(distributionSchema) })
  @ApiOkResponse({ schema: { example: { distributed: ['ARG', 'BRA'], alreadyDistributed: ['HTI'] } } })
  distribute(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(distributionSchema)) body: DistributionBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DistributionResult> {
    return this.distribution.distribute(id, body.stateCodes, meta);
  }

  @Get('evaluations')
  @Authenticated()
  @ApiOperation({
    summary: "The round's state evaluations with status and effective deadline (a state's users see their own state's)",
  })
  @ApiOkResponse({ schema: openApiSchema(EvaluationListSchema) })
  @ApiProblems({ 404: true })
  list(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<EvaluationView[]> {
    return this.evaluations.listForRound(caller, id);
  }
}
