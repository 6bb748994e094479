import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@mesecvi/config';
import { DomainError, sendProblem } from '@mesecvi/errors';
import { APP_EXACT_PATHS, APP_SUBTREES, ASSETS_PREFIX, CONTACT_META_NAME } from '@mesecvi/web-links';

/** A year: hashed file names change with their content, so a browser may keep each one for good. */
const ASSETS_MAX_AGE = '365d';

/**
 * The shell with what this deployment configures and every page needs before any call: the
 * secretariat's contact, as a meta element (no inline script, so the CSP stays strict).
 */
function withPlatformFacts(html: string, config: AppConfig): Buffer {
  const contact = config.mechanism.secretariatContact.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const meta = `<meta name="${CONTACT_META_NAME}" content="${contact}" />`;
  return Buffer.from(html.replace('</head>', `    ${meta}\n  </head>`));
}

/** The GET routes that serve the app's shell: its exact paths and whole subtrees. */
export function shellRoutes(): string[] {
  return [...APP_EXACT_PATHS, ...APP_SUBTREES.flatMap((subtree) => [subtree, `${subtree}/*`])];
}

/**
 * The web application, built into `config.http.webDistDir` (`npm run build:web`): a GET on any
 * of the app's paths answers its `index.html` (never cached without asking again, so a new build
 * is seen at once), and its hashed files are served as precompressed at build time (brotli or
 * gzip, as the browser accepts) and cached for a year. Nothing is compressed at run time, and
 * every other path stays the api's, its 404s problem+json.
 */
export async function registerWebApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const dir = config.http.webDistDir;
  const logger = new Logger('WebApp');
  const fastify = app.getHttpAdapter().getInstance();
  let shell: Buffer | undefined;
  const readShell = (): Buffer | undefined => {
    const file = path.join(dir, 'index.html');
    shell ??= fs.existsSync(file) ? withPlatformFacts(fs.readFileSync(file, 'utf8'), config) : undefined;
    return shell;
  };
  readShell();

  const serveShell = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const html = readShell();
    if (!html) {
      const error = new DomainError(
        'service_unavailable',
        'The web application is not built: run `npm run build:web`.',
      );
      return sendProblem(error, request, reply, logger);
    }
    await reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  };
  for (const url of shellRoutes()) fastify.get(url, serveShell);

  await app.register(fastifyStatic, {
    root: path.join(dir, ASSETS_PREFIX),
    prefix: ASSETS_PREFIX,
    // Another registration of @fastify/static may own `reply.sendFile`; this one needs none.
    decorateReply: false,
    preCompressed: true,
    immutable: true,
    maxAge: ASSETS_MAX_AGE,
    index: false,
    serveDotFiles: false,
  });
}
