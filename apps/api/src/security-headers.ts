import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Helmet's headers, computed once at start-up. @fastify/helmet rebuilds helmet's middleware on
 * every request (a CPU profile of GET /health showed ~10% of the api's time there); the headers
 * do not depend on the request, so we compute them once and copy them onto every reply.
 *
 * HSTS and `upgrade-insecure-requests` only when the platform is served over https: on a pilot
 * reached as `http://10.x.x.x:3000` they would send the browser to an https port that nothing
 * answers, and every form post would fail.
 */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    strictTransportSecurity: https ? undefined : false,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The OpenAPI UI needs inline styles and data: images; nothing else is loosened.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
  });
  middleware({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return headers;
}
