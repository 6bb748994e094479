import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { withProblemResponses } from '@mesecvi/http';

/** OpenAPI document at /docs/openapi.json and the UI at /docs. */
export function setUpOpenApi(app: NestFastifyApplication): void {
  const document = withProblemResponses(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('MESECVI Follow-up Platform API')
        .setDescription(
          'Runs the follow-up mechanism of the Belém do Pará Convention. Errors are RFC 9457 ' +
            'application/problem+json (schema `Problem`) with a stable `code`, a `rule` on business refusals ' +
            'and JSON Pointers on field errors; `detail` is in the account’s language, else Accept-Language.',
        )
        .setVersion('0.1.0')
        // 3.1: its Schema Objects are JSON Schema 2020-12, which is what our Ajv schemas are.
        .setOpenAPIVersion('3.1.0')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}
