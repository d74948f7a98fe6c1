import { spawn, type SpawnOptions } from 'node:child_process';
import { connect } from 'node:net';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end (no shell), feeding `input` on standard input. */
export function run(command: string, args: string[], options: SpawnOptions & { input?: string } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (c) => (stdout += c));
    child.stderr!.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A program may exit without reading its input (a refusal at start): the pipe is then
    // closed under us (EPIPE), which says nothing about the program; its exit code does.
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.input ?? '');
  });
}

/** Like `run`, but a non-zero exit is an error carrying everything the program said. */
export async function mustRun(command: string, args: string[], options: SpawnOptions & { input?: string } = {}): Promise<Finished> {
  const result = await run(command, args, options);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Whether something accepts connections on the loopback port. */
export function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `check` resolves true; fails naming `what` after `ms`. */
export async function until(check: () => Promise<boolean>, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves once `origin`/healthz answers at all (whatever its status). */
export function answering(origin: string, ms = 30_000): Promise<void> {
  return until(
    async () => {
      try {
        await (await fetch(`${origin}/healthz`)).arrayBuffer();
        return true;
      } catch {
        return false;
      }
    },
    `${origin}/healthz`,
    ms,
  );
}
