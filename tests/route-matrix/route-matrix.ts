/**
 * The route matrix: every route the api serves, who may call it, and what each kind of caller
 * gets. The route-matrix suite fails when a served route has no entry here, or an entry names a
 * route that is no longer served. Later issues add per-role expectations to each entry.
 */
export interface RouteExpectation {
  access: 'public' | 'authenticated';
  /** Status an anonymous caller gets. */
  anonymous: number;
}

export const ROUTE_MATRIX: Record<string, RouteExpectation> = {
  'GET /health': { access: 'public', anonymous: 200 },
  'GET /ready': { access: 'public', anonymous: 200 },
  'GET /metrics': { access: 'public', anonymous: 200 },
  // OpenAPI UI and documents, served by @nestjs/swagger outside Nest controllers.
  'GET /docs': { access: 'public', anonymous: 200 },
  'GET /docs/': { access: 'public', anonymous: 200 },
  'GET /docs/*': { access: 'public', anonymous: 200 },
  'GET /docs/openapi.json': { access: 'public', anonymous: 200 },
  'GET /docs/openapi.yaml': { access: 'public', anonymous: 200 },
  'GET /docs/index.html': { access: 'public', anonymous: 200 },
  'GET /docs/swagger-ui-init.js': { access: 'public', anonymous: 200 },
  'GET /docs/docs/swagger-ui-init.js': { access: 'public', anonymous: 200 },
  'GET /docs/LICENSE': { access: 'public', anonymous: 200 },
};

/** Concrete values for path parameters when the matrix calls a route. */
export function concretePath(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'index.html');
}
