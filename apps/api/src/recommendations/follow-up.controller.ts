import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  ApiProblems,
} from '@mesecvi/http';
import {
  FollowUpRounds,
  RecommendationRatings,
  type FollowUpEvaluationView,
  type FollowUpGeneration,
  RECOMMENDATION_RULES,
} from '@mesecvi/recommendations';
import { followUpExample, ratingSchema, type RatingBody } from './recommendations.dto';

/** Follow-up rounds: generated questionnaires, then the rating of each recommendation. */
@ApiTags('follow-up')
@ApiBearerAuth()
@Controller()
export class FollowUpController {
  constructor(
    private readonly rounds: FollowUpRounds,
    private readonly ratings: RecommendationRatings,
  ) {}

  @Post('rounds/:id/follow-up-questionnaires')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Open a follow-up round open for responses: per state with open recommendations of its evaluation round, generate, register and freeze a questionnaire and distribute it (once: 409 the second time); states with none are not distributed to',
  })
  @ApiOkResponse({
    schema: {
      example: {
        roundId: followUpExample.roundId,
        evaluationRoundId: '6b1d0f7e-2c3a-4b5d-8e9f-0a1b2c3d4e5f',
        generated: [
          {
            stateCode: 'ARG',
            evaluationId: followUpExample.evaluationId,
            questionnaire: { id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', key: 'follow-up-1-arg', version: 1 },
            recommendationIds: ['4-ARG-1'],
          },
        ],
        notDistributed: ['HTI'],
      },
    },
  })
  @ApiProblems({
    404: true,
    409: [
      RECOMMENDATION_RULES.not_follow_up_round,
      RECOMMENDATION_RULES.distribution_phase,
      RECOMMENDATION_RULES.follow_up_already_generated,
      RECOMMENDATION_RULES.no_open_recommendations,
      RECOMMENDATION_RULES.too_many_recommendations,
    ],
  })
  generate(@Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<FollowUpGeneration> {
    return this.rounds.generate(id, meta);
  }

  @Get('evaluations/:id/follow-up')
  @Authenticated()
  @ApiOperation({
    summary:
      'A follow-up evaluation’s recommendations with proposals (committee only) and recorded ratings; the state reads its own, other experts 404',
  })
  @ApiOkResponse({ schema: { example: followUpExample } })
  view(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<FollowUpEvaluationView> {
    return this.ratings.view(caller, id, meta);
  }

  @Post('evaluations/:id/rating-proposals')
  @Authenticated('committee_expert')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'An assigned rapporteur proposes a rating (a value of the scale) with a justification for one recommendation, during the review',
  })
  @ApiBody({ schema: openApiSchema(ratingSchema) })
  @ApiOkResponse({ schema: { example: followUpExample } })
  @ApiProblems({
    403: true,
    404: true,
    409: [RECOMMENDATION_RULES.rating_not_open, RECOMMENDATION_RULES.not_follow_up_evaluation],
    422: [
      RECOMMENDATION_RULES.follow_up_recommendation,
      RECOMMENDATION_RULES.rating_scale,
      RECOMMENDATION_RULES.justification_required,
    ],
  })
  propose(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(ratingSchema)) body: RatingBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<FollowUpEvaluationView> {
    return this.ratings.propose(caller, id, body, meta);
  }

  @Post('evaluations/:id/ratings')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The secretariat records the committee’s rating with a justification (after the rapporteurs’ proposal); the register’s status and closed follow',
  })
  @ApiBody({ schema: openApiSchema(ratingSchema) })
  @ApiOkResponse({ schema: { example: followUpExample } })
  @ApiProblems({
    403: true,
    404: true,
    409: [
      RECOMMENDATION_RULES.rating_not_open_for_committee,
      RECOMMENDATION_RULES.rating_needs_proposal,
      RECOMMENDATION_RULES.not_follow_up_evaluation,
    ],
    422: [
      RECOMMENDATION_RULES.follow_up_recommendation,
      RECOMMENDATION_RULES.rating_scale,
      RECOMMENDATION_RULES.justification_required,
    ],
  })
  record(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(ratingSchema)) body: RatingBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<FollowUpEvaluationView> {
    return this.ratings.record(caller, id, body, meta);
  }
}
