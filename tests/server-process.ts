import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The product as it runs in production, in a process of its own: the built server
 * (dist/server/server.js, which `npm test` builds first) or any script under tsx. The fault
 * and durability tests kill it, starve it and stop it; the load benchmark measures it.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUILT_SERVER = `${PROJECT_ROOT}dist/server/server.js`;

export interface RunningProcess {
  child: ChildProcess;
  pid: number;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code, or the signal's name, once the process has ended. */
  exited: Promise<number | string>;
}

export function startProcess(args: string[], env: Record<string, string>, options: SpawnOptions = {}): RunningProcess {
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  let text = '';
  child.stdout?.on('data', (chunk) => (text += chunk));
  child.stderr?.on('data', (chunk) => (text += chunk));
  const exited = new Promise<number | string>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, pid: child.pid!, output: () => text, exited };
}

/** A TypeScript entry point run through tsx, as `npm run` scripts do. */
export function startScript(script: string, args: string[], env: Record<string, string> = {}): RunningProcess {
  return startProcess(['--import', 'tsx', script, ...args], env);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer extends RunningProcess {
  origin: string;
}

/**
 * Starts the built server on a free loopback port and waits until it answers /healthz. The
 * overload guard is off (OVERLOAD_GUARD=0) unless `env` turns it on: these tests starve and kill
 * the process on purpose, and a busy test machine must not turn their requests into 503s.
 */
export async function startServer(env: Record<string, string>, options: SpawnOptions = {}): Promise<RunningServer> {
  if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run \`npm run build:server\` (npm test does)`);
  const port = await freePort();
  const server = startProcess(
    [BUILT_SERVER],
    { HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', OVERLOAD_GUARD: '0', ...env },
    options,
  );
  const origin = `http://127.0.0.1:${port}`;
  let ended: number | string | undefined;
  void server.exited.then((code) => (ended = code));
  // Generous: on a shared, loaded machine a start (migrations, seeding) can take many seconds.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (ended !== undefined) throw new Error(`The server exited (${ended}) before answering:\n${server.output()}`);
    try {
      // Any answer means it listens: a read-only database answers 503 `read-only` here.
      await (await fetch(`${origin}/healthz`)).arrayBuffer();
      return { ...server, origin };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.child.kill('SIGKILL');
      throw new Error(`The server did not answer /healthz within 60 s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Rebuilds dist/ when sources changed (a no-op under `npm test`, which already did). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
}

export interface ServerProcess {
  child: ChildProcess;
  origin: string;
  /** SIGTERM and wait; for a crash, use `child.kill('SIGKILL')` and `exited`. */
  stop(): Promise<void>;
  exited: Promise<unknown>;
  /** Everything it wrote to stdout and stderr so far (its log, at LOG_LEVEL=info). */
  output(): string;
}

/** The built server with request logging on, as the durability tests run it, and a `stop()`. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServer({ LOG_LEVEL: 'info', NODE_ENV: 'test', ...env });
  return {
    child: server.child,
    origin: server.origin,
    exited: server.exited,
    output: server.output,
    async stop() {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    },
  };
}

/**
 * Resolves once `condition` holds, polling every 20 ms; fails with `what` after `ms`. The way
 * tests wait for something that has no event to await (never a fixed sleep: tests/README.md).
 * The default deadline is long because a child process on a busy two-core machine (tsx
 * compiling a script, the server migrating) can take tens of seconds to get going.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
