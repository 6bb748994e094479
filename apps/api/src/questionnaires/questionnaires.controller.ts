import { Controller, Get, Param, Query } from '@nestjs/common';
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
  })
  @ApiOkResponse({ schema: { example: questionnaireExample } })
  @ApiQueryFrom(questionnaireQuerySchema)
  async get(
    @Param('key') key: string,
    @Param('version') version: string,
    @Query(new AjvQueryPipe(questionnaireQuerySchema)) query: QuestionnaireQuery,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<QuestionnaireDocumentView> {
    const document = await this.registry.documentOf(
      key,
      /^\d{1,9}$/.test(version) ? Number(version) : -1,
      query.lang ?? caller.language,
    );
    // A questionnaire generated for one state is that state's record.
    if (document.stateCode)
      this.policy.assertStateRecords(caller, document.stateCode, meta, `Questionnaire ${key} version ${version}`);
    return document;
  }
}
