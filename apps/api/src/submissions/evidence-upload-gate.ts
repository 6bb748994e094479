import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, sendProblem } from '@mesecvi/errors';
import { setCaller, type Authenticator, type Caller } from '@mesecvi/http';
import type { EvidenceAttachmentsService } from '@mesecvi/submissions';
import { EVIDENCE_UPLOAD_ROUTE, UPLOADER_ROLES } from './evidence-upload-body';

/** What a caller told to wait for a slot is asked to wait. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Evidence bodies (up to ATTACHMENT_MAX_BYTES) are buffered before a Nest guard could run, so
 * this gate checks the caller, the role and the evaluation's scope as soon as the headers have
 * arrived, and bounds the uploads each user has in flight on this instance. A refused upload is
 * answered without its body being read (Node discards what still arrives, keeping none of it).
 */
export class EvidenceUploadGate {
  private readonly security = new Logger('security');
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly authenticator: Authenticator,
    private readonly attachments: EvidenceAttachmentsService,
    private readonly maxConcurrent: number,
  ) {}

  /** Throws the problem to answer with, or holds a slot for the caller until the response ends. */
  async admit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const caller = await this.authenticator.authenticate(request);
    if (!caller)
      throw new DomainError('unauthenticated', 'A valid access token is required.', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    if (!UPLOADER_ROLES.includes(caller.role))
      throw new DomainError('forbidden', `The role ${caller.role} may not use this route.`);
    const meta = { requestId: String(request.id), caller };
    await this.attachments.admitUpload(caller, (request.params as { id?: string }).id ?? '', meta);
    this.hold(caller, reply, meta.requestId);
    setCaller(request, caller);
  }

  private hold(caller: Caller, reply: FastifyReply, requestId: string): void {
    const held = this.inFlight.get(caller.userId) ?? 0;
    if (held >= this.maxConcurrent) {
      this.security.warn({ msg: 'upload refused: too many in flight', requestId, userId: caller.userId, held });
      throw new DomainError(
        'too_many_requests',
        `At most ${this.maxConcurrent} uploads at a time. Try again when one has finished.`,
        { headers: { 'retry-after': String(RETRY_AFTER_SECONDS) }, extensions: { rule: 'concurrent_uploads' } },
      );
    }
    this.inFlight.set(caller.userId, held + 1);
    // 'close' comes once the response is sent or the connection is gone, whichever is first.
    reply.raw.once('close', () => {
      const left = (this.inFlight.get(caller.userId) ?? 1) - 1;
      if (left > 0) this.inFlight.set(caller.userId, left);
      else this.inFlight.delete(caller.userId);
    });
  }
}

/** Runs the gate on the upload route before Fastify starts reading the body (preParsing). */
export function useEvidenceUploadGate(fastify: FastifyInstance, gate: EvidenceUploadGate): void {
  const logger = new Logger('Http');
  fastify.addHook('preParsing', async (request, reply, payload) => {
    if (request.method !== EVIDENCE_UPLOAD_ROUTE.method || request.routeOptions.url !== EVIDENCE_UPLOAD_ROUTE.url)
      return payload;
    try {
      await gate.admit(request, reply);
    } catch (e) {
      sendProblem(e, request, reply, logger);
      return reply;
    }
    return payload;
  });
}
