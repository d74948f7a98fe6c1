import type { FastifyBaseLogger } from 'fastify';
import type { MailRepository } from '../repositories/mail.js';
import type { MailTransport } from './transport.js';

/**
 * When the worker runs. The server uses timers; tests use `manualScheduler` and call
 * `drain()` themselves, so nothing waits on a clock. A multi-instance deployment keeps this
 * interface: the queue's claim-with-lease (MailRepository.claimDue) already keeps two workers
 * from sending the same message.
 */
export interface MailScheduler {
  /** Runs `task` every `ms` until stopped (retries that came due, the hourly digest). */
  every(ms: number, task: () => void): void;
  /** Runs `task` soon, outside the current request (a message was just queued). */
  soon(task: () => void): void;
  stop(): void;
}

export function timerScheduler(): MailScheduler {
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  return {
    every(ms, task) {
      const timer = setInterval(task, ms);
      timer.unref();
      timers.push(timer);
    },
    soon(task) {
      if (stopped) return;
      const timer = setTimeout(task, 0);
      timer.unref();
    },
    stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
    },
  };
}

/** Never runs anything on its own: the caller drives the worker with `drain()`. */
export const manualScheduler: MailScheduler = { every() {}, soon() {}, stop() {} };

export interface WorkerOptions {
  /** Attempts before a message is marked failed. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one. */
  backoffMs: number;
  /** How long a claimed message is left alone before another run may take it again. */
  leaseMs: number;
  batchSize: number;
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = { maxAttempts: 6, backoffMs: 60_000, leaseMs: 5 * 60_000, batchSize: 20 };

export interface DrainResult {
  sent: number;
  held: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what the queue holds. Runs never overlap: a drain asked for while one is under way
 * runs after it, so `await drain()` returns once everything due at that time was handled.
 */
export class MailWorker {
  private running: Promise<unknown> = Promise.resolve();
  private readonly options: WorkerOptions;

  constructor(
    private readonly queue: MailRepository,
    private readonly transport: MailTransport | null,
    private readonly log: FastifyBaseLogger,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options };
  }

  /** Resolves once the run under way (if any) has finished. */
  idle(): Promise<unknown> {
    return this.running;
  }

  drain(now: () => Date = () => new Date()): Promise<DrainResult> {
    const run = this.running.then(() => this.drainNow(now));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async drainNow(now: () => Date): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, held: 0, retrying: 0, failed: 0 };
    for (;;) {
      const batch = await this.queue.claimDue(now(), this.options.batchSize, this.options.leaseMs);
      if (!batch.length) return result;
      for (const message of batch) {
        if (!this.transport) {
          await this.queue.markHeld(message.id);
          result.held++;
          continue;
        }
        try {
          await this.transport.send({
            to: message.toAddress,
            subject: message.subject,
            text: message.text,
            html: message.html,
            unsubscribeUrl: message.unsubscribeUrl,
          });
          await this.queue.markSent(message.id, now());
          result.sent++;
        } catch (err) {
          const attempts = message.attempts + 1;
          const error = err instanceof Error ? err.message : String(err);
          const retryAt =
            attempts >= this.options.maxAttempts ? null : new Date(now().getTime() + this.options.backoffMs * 2 ** (attempts - 1));
          await this.queue.markAttemptFailed(message.id, error, retryAt);
          if (retryAt) result.retrying++;
          else result.failed++;
          this.log.warn({ mailId: message.id, attempts, error, retryAt }, retryAt ? 'mail not sent; will retry' : 'mail failed for good');
        }
      }
    }
  }
}
