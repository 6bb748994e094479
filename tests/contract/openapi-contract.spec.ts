import { OpenApiContract, type Verdict } from './openapi-contract';

const errorOf = (verdict: Verdict): string => (verdict.conforms ? '(conforms)' : verdict.error);

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const document = {
  openapi: '3.1.0',
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': json({ $ref: '#/components/schemas/Thing' }),
          '404': { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
      delete: { responses: { '204': { description: 'gone' } } },
    },
    '/things/mine': {
      get: { responses: { '200': json({ type: 'array', items: { $ref: '#/components/schemas/Thing' } }) } },
    },
    '/bare': { get: { responses: { '200': json({ type: 'object', description: 'anything' }) } } },
    '/example': { get: { responses: { '200': json({ example: { id: 'x' } }) } } },
    '/empty': { get: { responses: { '200': json({}) } } },
    '/none': { get: { responses: { '200': { content: { 'application/json': {} } } } } },
    '/vague': { get: { responses: { '200': json({ $ref: '#/components/schemas/Vague' }) } } },
    '/open': { get: { responses: { '200': json({ type: 'object', additionalProperties: { type: 'number' } }) } } },
    '/composed': {
      get: {
        responses: {
          '200': json({
            allOf: [
              { type: 'object', properties: { a: { type: 'string' } } },
              { type: 'object', properties: { b: { type: 'string' } } },
            ],
          }),
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: {
          id: { type: 'string', format: 'uuid' },
          tags: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
        },
        required: ['id'],
      },
      Problem: { type: 'object', properties: { status: { type: 'integer' }, code: { type: 'string' } } },
      Vague: { type: 'object' },
    },
  },
};
const ID = '5f0c6d1e-8b0a-4c53-9b7e-2f1d9c3a1b20';

describe('OpenApiContract', () => {
  const contract = new OpenApiContract(document);
  const op = (method: string, path: string) => {
    const found = contract.operationFor(method, path);
    if (!found) throw new Error(`no operation for ${method} ${path}`);
    return found;
  };

  it('finds the operation by method and path template, literal segments first', () => {
    expect(op('GET', `/things/${ID}`).key).toBe('GET /things/{id}');
    expect(op('GET', '/things/mine').key).toBe('GET /things/mine');
    expect(op('DELETE', '/things/1').key).toBe('DELETE /things/{id}');
    expect(contract.operationFor('POST', '/things/1')).toBeUndefined();
    expect(contract.operationFor('GET', '/things/1/more')).toBeUndefined();
  });

  it('accepts a body its schema describes, through $ref into the components', () => {
    const get = op('GET', '/things/1');
    expect(contract.check(get, 200, 'application/json; charset=utf-8', { id: ID, tags: [{ name: 'a' }] })).toEqual({
      conforms: true,
    });
    expect(contract.check(get, 404, 'application/problem+json', { status: 404, code: 'not-found' })).toEqual({
      conforms: true,
    });
    expect(contract.check(op('GET', '/things/mine'), 200, 'application/json', [{ id: ID }])).toEqual({
      conforms: true,
    });
  });

  it('treats every object schema as closed, nested ones too', () => {
    const get = op('GET', '/things/1');
    const extra = contract.check(get, 200, 'application/json', { id: ID, secret: 1 });
    expect(errorOf(extra)).toContain('must NOT have unevaluated properties');
    const nested = contract.check(get, 200, 'application/json', { id: ID, tags: [{ name: 'a', colour: 'red' }] });
    expect(errorOf(nested)).toContain('body/tags/0 must NOT have unevaluated properties');
  });

  it('keeps what a schema leaves open open, and closes an allOf as a whole', () => {
    expect(contract.check(op('GET', '/open'), 200, 'application/json', { x: 1 })).toEqual({ conforms: true });
    const composed = op('GET', '/composed');
    expect(contract.check(composed, 200, 'application/json', { a: 'x', b: 'y' })).toEqual({ conforms: true });
    expect(contract.check(composed, 200, 'application/json', { a: 'x', c: 'z' })).toMatchObject({ conforms: false });
  });

  it('reports a wrong type and a missing property with the pointer', () => {
    const get = op('GET', '/things/1');
    expect(errorOf(contract.check(get, 200, 'application/json', { id: 'not-a-uuid' }))).toContain(
      'body/id must match format "uuid"',
    );
    expect(errorOf(contract.check(get, 200, 'application/json', {}))).toContain(
      "body must have required property 'id'",
    );
  });

  it.each(['/bare', '/example', '/empty', '/none', '/vague'])('counts %s as undescribed', (path) => {
    expect(contract.check(op('GET', path), 200, 'application/json', {})).toEqual({
      conforms: false,
      error: 'status 200 application/json is undescribed',
    });
    expect(contract.isDescribed(op('GET', path))).toBe(false);
  });

  it('refuses an undocumented status or media type, and a body where none is described', () => {
    const get = op('GET', '/things/1');
    expect(contract.check(get, 500, 'application/json', {})).toEqual({
      conforms: false,
      error: 'status 500 is not documented',
    });
    expect(contract.check(get, 404, 'application/json', {})).toMatchObject({ conforms: false });
    expect(contract.check(op('DELETE', '/things/1'), 204, '', undefined)).toEqual({ conforms: true });
    expect(contract.check(get, 200, '', undefined)).toMatchObject({ conforms: false });
  });

  it('says which operations describe every response', () => {
    expect(contract.isDescribed(op('GET', '/things/1'))).toBe(true);
    expect(contract.isDescribed(op('DELETE', '/things/1'))).toBe(true);
  });
});
