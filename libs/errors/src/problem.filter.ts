import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from './error-codes';
import { isMessageLanguage, languageFromHeader, type MessageLanguage } from './language';
import { toProblem } from './to-problem';

/**
 * The language a problem is written in: the signed-in caller's account language (the access
 * guard puts the caller on the request), else Accept-Language, else English. Read structurally:
 * the caller type lives in a lib above this one.
 */
export function problemLanguage(request: FastifyRequest): MessageLanguage {
  const language = (request as { caller?: { language?: unknown } }).caller?.language;
  if (isMessageLanguage(language)) return language;
  return languageFromHeader(request.headers['accept-language']);
}

/** The single place where errors become HTTP responses. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    sendProblem(exception, request, reply, this.logger);
  }
}

export function sendProblem(
  exception: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Pick<Logger, 'error' | 'warn'>,
): void {
  const requestId = String(request.id);
  const language = problemLanguage(request);
  const { problem, headers, errorId, unavailable } = toProblem(exception, request.url, requestId, language);
  if (errorId) {
    const stack = exception instanceof Error ? exception.stack : String(exception);
    logger.error({ msg: 'unhandled error', errorId, requestId, stack });
  }
  if (unavailable) logger.warn({ msg: 'backing service unavailable', requestId, reason: unavailable });
  if (reply.sent) return;
  void reply
    .status(problem.status)
    .headers(headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('content-language', language)
    .send(JSON.stringify(problem));
}
