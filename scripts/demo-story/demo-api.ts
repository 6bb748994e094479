// The stories' only way into the platform: its HTTP API, as any client would call it.

/** The demo is not answering at all (nothing listens on the port, or the address is wrong). */
export class DemoNotRunning extends Error {
  constructor(readonly baseUrl: string) {
    super(`the demo is not running on ${baseUrl}: start it with \`npm run demo\``);
  }
}

/** An answer the story did not expect: method, path, status and what the problem+json says. */
export class HttpFailure extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly problem: { code?: string; detail?: string; [key: string]: unknown },
  ) {
    const why = [problem.code, problem.detail].filter((s) => typeof s === 'string' && s !== '').join(': ');
    super(`${method} ${path} answered ${status}${why ? ` (${why})` : ''}`);
  }
}

export interface Session {
  email: string;
  bearer: string;
}

export interface Answer<T> {
  status: number;
  body: T;
  /** The ETag header, as sent back in If-Match. */
  etag: string | null;
}

interface CallOptions {
  session?: Session;
  /** A JSON body (sent as application/json unless `contentType` says otherwise). */
  json?: unknown;
  /** A raw body (evidence files). */
  bytes?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Statuses besides 2xx that the caller handles itself (404: "not there yet"). */
  accept?: number[];
}

export class DemoApi {
  constructor(readonly baseUrl: string) {}

  async login(email: string, password: string): Promise<Session> {
    const { body } = await this.call<{ accessToken: string }>('POST', '/auth/login', { json: { email, password } });
    return { email, bearer: `Bearer ${body.accessToken}` };
  }

  get<T>(path: string, session: Session, accept: number[] = []): Promise<Answer<T>> {
    return this.call<T>('GET', path, { session, accept });
  }

  async call<T>(method: string, path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (options.session) headers.authorization = options.session.bearer;
    let body: string | Uint8Array | undefined;
    if (options.bytes) {
      body = new Uint8Array(options.bytes);
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    } catch {
      // fetch rejects only when no HTTP answer came back at all.
      throw new DemoNotRunning(this.baseUrl);
    }
    const text = await res.text();
    const parsed: unknown = text === '' ? null : safeJson(text);
    if (!res.ok && !(options.accept ?? []).includes(res.status)) {
      throw new HttpFailure(
        method,
        path,
        res.status,
        parsed !== null && typeof parsed === 'object' ? (parsed as HttpFailure['problem']) : { detail: text },
      );
    }
    return { status: res.status, body: parsed as T, etag: res.headers.get('etag') };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
