import { Body, Controller, Get, Inject, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import {
  AjvBodyPipe,
  AjvQueryPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  ApiQueryFrom,
} from '@mesecvi/http';
import {
  RecommendationRegister,
  ratingScaleView,
  registerCsv,
  registerXlsx,
  type RatingScaleValueView,
  type RegisterEntry,
  type RegisterRow,
} from '@mesecvi/recommendations';
import {
  registerQuerySchema,
  registerRowExample,
  translationsSchema,
  type RegisterQuery,
  type TranslationsBody,
} from './recommendations.dto';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const download = (reply: FastifyReply, type: string, name: string): void => {
  void reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store');
};

/** The recommendations register: the committee and the secretariat see every state; a state's people their own adopted ones. */
@ApiTags('recommendations')
@ApiBearerAuth()
@Controller()
export class RecommendationsController {
  constructor(
    private readonly register: RecommendationRegister,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('recommendations')
  @Authenticated()
  @ApiOperation({
    summary:
      'The recommendations register, filtered by state, round, theme, article, status, compliance (a scale value or unrated) and closed',
  })
  @ApiOkResponse({ schema: { example: [registerRowExample] } })
  @ApiQueryFrom(registerQuerySchema)
  list(
    @Query(new AjvQueryPipe(registerQuerySchema)) query: RegisterQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<RegisterRow[]> {
    return this.register.list(caller, query);
  }

  @Get('recommendations.csv')
  @Authenticated()
  @ApiOperation({ summary: 'The register as CSV (same filters and rows as the JSON list)' })
  @ApiProduces('text/csv')
  @ApiQueryFrom(registerQuerySchema)
  async csv(
    @Query(new AjvQueryPipe(registerQuerySchema)) query: RegisterQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const rows = await this.register.list(caller, query);
    download(reply, 'text/csv; charset=utf-8', 'recommendations.csv');
    return registerCsv(rows);
  }

  @Get('recommendations.xlsx')
  @Authenticated()
  @ApiOperation({
    summary: 'The register as an Excel workbook (sheet "Recommendations"; same filters and rows as the JSON list)',
  })
  @ApiProduces(XLSX)
  @ApiQueryFrom(registerQuerySchema)
  async xlsx(
    @Query(new AjvQueryPipe(registerQuerySchema)) query: RegisterQuery,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const rows = await this.register.list(caller, query);
    download(reply, XLSX, 'recommendations.xlsx');
    return registerXlsx(rows, await this.clock.now());
  }

  @Get('recommendations/rating-scale')
  @Authenticated()
  @ApiOperation({
    summary:
      'The configured rating scale (RECOMMENDATION_RATING_SCALE): values in order, whether each closes a recommendation, labels in en/es/fr/pt',
  })
  @ApiOkResponse({
    schema: {
      example: [
        {
          value: 'complied',
          closes: true,
          labels: { en: 'Complied', es: 'Cumplida', fr: 'Mise en œuvre', pt: 'Cumprida' },
        },
      ],
    },
  })
  scale(): RatingScaleValueView[] {
    return ratingScaleView(this.config.recommendations.ratingScale);
  }

  @Get('recommendations/:id')
  @Authenticated()
  @ApiOperation({
    summary:
      'One recommendation with its history: ratings across follow-up rounds (proposals for the committee only) and lifecycle; 404 outside the caller’s scope',
  })
  @ApiOkResponse({
    schema: {
      example: {
        ...registerRowExample,
        history: { ratings: [], lifecycle: [{ event: 'drafted', at: '2027-06-01T15:00:00.000Z', detail: {} }] },
      },
    },
  })
  get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RegisterEntry> {
    return this.register.get(caller, id, meta);
  }

  @Put('recommendations/:id/translations')
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'Set the translations of a recommendation (the whole map by language; the original text stays); audited',
  })
  @ApiBody({ schema: openApiSchema(translationsSchema) })
  @ApiOkResponse({ schema: { example: registerRowExample } })
  translations(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(translationsSchema)) body: TranslationsBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RegisterEntry> {
    return this.register.setTranslations(caller, id, body.translations, meta);
  }
}
