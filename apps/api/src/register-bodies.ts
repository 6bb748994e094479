import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@mesecvi/config';
import { Authenticator } from '@mesecvi/http';
import { EvidenceAttachmentsService } from '@mesecvi/submissions';
import { useProblemJsonParser } from './json-body-parser';
import { useBodyMediaTypes } from './body-media-types';
import { usePrivateResponses } from './private-responses';
import { EvidenceUploadGate, useEvidenceUploadGate } from './submissions/evidence-upload-gate';

/** What a request body may be (JSON, or an evidence upload through its gate) and how answers to signed-in callers are cached. */
export function registerBodies(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  useProblemJsonParser(fastify);
  useBodyMediaTypes(fastify);
  usePrivateResponses(fastify);
  useEvidenceUploadGate(
    fastify,
    new EvidenceUploadGate(
      app.get(Authenticator),
      app.get(EvidenceAttachmentsService),
      config.submissions.attachmentMaxConcurrentUploads,
    ),
  );
}
