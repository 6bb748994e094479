import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The one message a server child sends on its IPC channel once it listens. */
export interface ReadyMessage {
  type: 'ready';
  port: number;
}

export interface ServerProcess {
  name: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  args?: string[];
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
/** Extra node flags for every server, e.g. `--cpu-prof --cpu-prof-dir=.data/bench-prof` to see where a server spends its time. */
const EXTRA_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter((a) => a.length > 0);
const STDERR_TAIL = 4000;
/**
 * A directory for every server's stdout (e.g. with BENCH_SERVER_NODE_ARGS=--trace-gc to see GC
 * pauses); unset, stdout is dropped.
 */
const STDOUT_DIR = process.env.BENCH_SERVER_STDOUT_DIR;

/** Where a server's stdout goes: dropped, or a file of its own under BENCH_SERVER_STDOUT_DIR. */
function stdoutTarget(name: string): 'ignore' | number {
  if (!STDOUT_DIR) return 'ignore';
  fs.mkdirSync(STDOUT_DIR, { recursive: true });
  return fs.openSync(path.join(STDOUT_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}-${Date.now()}.log`), 'w');
}

function isReady(message: unknown): message is ReadyMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ReadyMessage).type === 'ready' &&
    typeof (message as ReadyMessage).port === 'number'
  );
}

/** A started child's stderr tail (to explain a failed start), liveness, and stop (SIGTERM, then SIGKILL after `killAfterMs`). */
function watchChild(
  child: ChildProcess,
  killAfterMs: number,
): { stderr: () => string; alive: () => boolean; stop: () => Promise<void> } {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const alive = (): boolean => child.exitCode === null && child.signalCode === null;
  const stop = async (): Promise<void> => {
    if (!alive()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => alive() && child.kill('SIGKILL'), killAfterMs);
    await exited;
    clearTimeout(timer);
  };
  return { stderr: () => stderr, alive, stop };
}

/**
 * Forks a TypeScript server entry (compiled by @swc-node/register) and waits for its ready
 * message. Its stderr is kept (the tail) to explain a failed start; stdout is dropped (or kept, BENCH_SERVER_STDOUT_DIR).
 */
export function startServerProcess(
  name: string,
  entry: string,
  options: StartServerOptions = {},
): Promise<ServerProcess> {
  const child: ChildProcess = fork(path.resolve(ROOT, entry), options.args ?? [], {
    cwd: ROOT,
    execArgv: ['-r', '@swc-node/register', ...EXTRA_NODE_ARGS],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', stdoutTarget(name), 'pipe', 'ipc'],
  });
  const { stderr, stop } = watchChild(child, 5000);

  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${options.startTimeoutMs ?? 60000} ms\n${stderr()}`));
    }, options.startTimeoutMs ?? 60000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})\n${stderr()}`));
    });
    child.on('message', (message: unknown) => {
      if (!isReady(message)) return;
      clearTimeout(timer);
      resolve({ name, origin: `http://127.0.0.1:${message.port}`, pid: child.pid ?? -1, stop });
    });
  });
}

/**
 * Child side: tells the parent the port, and stops the server when asked (SIGTERM) or when the
 * parent is gone (IPC disconnect), so an interrupted run leaves no server behind.
 */
export function serveUntilStopped(port: number, close: () => Promise<void>): void {
  let closing = false;
  const shutDown = (): void => {
    if (closing) return;
    closing = true;
    close()
      .catch((e: unknown) => console.error(e))
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutDown);
  process.on('SIGINT', shutDown);
  process.on('disconnect', shutDown);
  if (!process.send) throw new Error('a bench server must be started by startServerProcess (no IPC channel)');
  const ready: ReadyMessage = { type: 'ready', port };
  process.send(ready);
}

export interface StartCompiledOptions {
  env: Record<string, string>;
  /** The port the server is told to listen on (it sends no ready message: it is polled). */
  port: number;
  /** A path that answers 200 once the server is ready, e.g. /health. */
  readyPath: string;
  /** A TypeScript entry, run through @swc-node/register (`npm run start:api`) instead of compiled. */
  typescript?: boolean;
  startTimeoutMs?: number;
}

/**
 * Starts a server entry exactly as production runs it (plain `node <entry>`, e.g.
 * the Dockerfile's `node dist/apps/api/main.js`: no TypeScript loader, no IPC) and waits until
 * `readyPath` answers 200. Stopped with SIGTERM, like a container.
 */
export async function startCompiledServer(
  name: string,
  entry: string,
  options: StartCompiledOptions,
): Promise<ServerProcess> {
  const loader = options.typescript ? ['-r', '@swc-node/register'] : [];
  const child: ChildProcess = spawn(process.execPath, [...loader, ...EXTRA_NODE_ARGS, path.resolve(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', stdoutTarget(name), 'pipe'],
  });
  const { stderr, alive, stop } = watchChild(child, 15000);
  const origin = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60000);
  while (Date.now() < deadline) {
    if (!alive())
      throw new Error(
        `${name} exited before it was ready (code ${child.exitCode}, signal ${child.signalCode})\n${stderr()}`,
      );
    const ready = await fetch(`${origin}${options.readyPath}`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return { name, origin, pid: child.pid ?? -1, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`${name} did not start within ${options.startTimeoutMs ?? 60000} ms\n${stderr()}`);
}
