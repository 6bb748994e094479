import type { FastifyInstance } from 'fastify';

export interface RegisteredRoute {
  method: string;
  url: string;
}

/** Routes served outside Nest controllers (OpenAPI UI and document): public by nature. */
export const NON_NEST_PUBLIC_PREFIXES = ['/docs'];

/**
 * Records every route Fastify registers, Nest's and plugins' alike, so the route-matrix test
 * walks what is really served rather than what we believe is.
 */
export function recordRoutes(fastify: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  fastify.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      routes.push({ method, url: options.url });
    }
  });
  return routes;
}
