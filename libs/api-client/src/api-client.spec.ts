import { createApiClient } from './index';

/** A fetch that answers every request with `{}` and keeps the requests it was given. */
function recordingFetch(): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fake = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return Promise.resolve(
      new Response('{"items":[]}', { status: 200, headers: { 'content-type': 'application/json' } }),
    );
  };
  return { fetch: fake, requests };
}

describe('createApiClient', () => {
  it('calls the api at its base URL with the current bearer token', async () => {
    const { fetch, requests } = recordingFetch();
    let token: string | undefined = 'first';
    const client = createApiClient('https://api.example.test', () => token, fetch);

    await client.GET('/rounds');
    token = undefined;
    await client.GET('/rounds');

    expect(requests.map((r) => r.url)).toEqual(['https://api.example.test/rounds', 'https://api.example.test/rounds']);
    expect(requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer first', null]);
  });
});
