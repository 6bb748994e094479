import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvQueryPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  ApiQueryFrom,
} from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { QuestionnaireRegistry, type QuestionnaireDocumentView } from '@mesecvi/questionnaires';
import { questionnaireExample, questionnaireQuerySchema, type QuestionnaireQuery } from './questionnaires.dto';

/** A private (signed-in) answer that never changes: kept by the browser for a year, never revalidated. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller('questionnaires')
export class QuestionnairesController {
  constructor(
    private readonly registry: QuestionnaireRegistry,
    private readonly policy: PolicyService,
  ) {}

  @Get(':key/versions/:version')
  @Authenticated()
  @ApiOperation({
    summary:
      "A questionnaire version: schema, items in order, labels and help in the caller's language (English where untranslated)",
    description:
      "A frozen version asked for in a named language (`lang`) never changes: it is served with `Cache-Control: private, max-age=31536000, immutable`. Otherwise (not frozen yet, or in the caller's language, which she may change) `no-store`.",
  })
  @ApiOkResponse({ schema: { example: questionnaireExample } })
  @ApiQueryFrom(questionnaireQuerySchema)
  async get(
    @Param('key') key: string,
    @Param('version') version: string,
    @Query(new AjvQueryPipe(questionnaireQuerySchema)) query: QuestionnaireQuery,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<QuestionnaireDocumentView> {
    const document = await this.registry.documentOf(
      key,
      /^\d{1,9}$/.test(version) ? Number(version) : -1,
      query.lang ?? caller.language,
    );
    // A questionnaire generated for one state is that state's record.
    if (document.stateCode)
      this.policy.assertStateRecords(caller, document.stateCode, meta, `Questionnaire ${key} version ${version}`);
    // Schema and texts of a frozen version are immutable; the URL names the language only with `lang`.
    if (document.frozenAt && query.lang) void reply.header('cache-control', IMMUTABLE);
    return document;
  }
}
