import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

/**
 * The web app's typed client of the api, generated from the committed OpenAPI document
 * (libs/api-client/openapi.json, rewritten by `npm run api-client`). It imports nothing of the
 * server, so the browser bundle carries only this and openapi-fetch.
 */
export type { components, operations, paths };
export type ApiClient = Client<paths>;

/** The caller's access token, or none when signed out (the request then goes without one). */
export type TokenSource = () => string | undefined | Promise<string | undefined>;

/** A client of the api at `baseUrl` that sends the current token on every request. */
export function createApiClient(baseUrl: string, getToken: TokenSource, fetchImpl?: typeof fetch): ApiClient {
  const client = createClient<paths>({ baseUrl, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  const bearer: Middleware = {
    async onRequest({ request }) {
      const token = await getToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}
