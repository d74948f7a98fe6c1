import { randomUUID } from 'node:crypto';
import fp from 'fastify-plugin';
import type { MailConfig } from '../config.js';
import { Notifications } from '../mail/notifications.js';
import { smtpTransport } from '../mail/transport.js';
import { manualScheduler, MailWorker, timerScheduler, type DrainResult, type WorkerOptions } from '../mail/worker.js';
import { LeaseRepository } from '../repositories/leases.js';
import { MailRepository } from '../repositories/mail.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The mail queue and its worker. Tests `await fastify.mail.tick()` instead of waiting on timers. */
    mail: {
      queue: MailRepository;
      /** True when an SMTP server is configured; otherwise messages are held in the outbox. */
      sending: boolean;
      /** Sends (or holds) every message due now; resolves when done. */
      drain(now?: () => Date): Promise<DrainResult>;
      /** What the timer does: queue the reviewers' digests that are due, then drain. */
      tick(now?: () => Date): Promise<DrainResult>;
      /**
       * The timer's run: the tick, on the one instance holding the scheduled-work lease; null
       * when another instance holds it (and does the work).
       */
      scheduledTick(now?: () => Date): Promise<DrainResult | null>;
      /** The review queue changed: run a tick soon (by the timer; in tests, nothing happens). */
      kick(): void;
      /**
       * Runs `work` once `reply` has been sent (or the client has gone), for mail whose answer
       * must not tell whether anything was queued. `drain`, `tick` and closing wait for it.
       */
      afterAnswer(reply: FastifyReply, work: () => Promise<unknown>): void;
    };
    /** Every email the app sends: see server/mail/notifications.ts and server/mail/README.md. */
    notifications: Notifications;
  }
}

/** How often the worker looks for retries that came due and digests to send. */
const TICK_MS = 60_000;
/** The lease row scheduled mail work takes (server/repositories/leases.ts). */
export const MAIL_LEASE = 'mail-worker';
/**
 * Held a little longer than one tick, and renewed by each: the holder keeps the work, and
 * another instance takes it over within two ticks of the holder stopping.
 */
const LEASE_MS = TICK_MS + TICK_MS / 2;

export const TEST_MAIL: MailConfig = {
  smtpUrl: null,
  from: 'DA scorecard <scorecard@localhost>',
  publicUrl: 'http://localhost',
  worker: 'manual',
};

export default fp<{ mail?: MailConfig; worker?: Partial<WorkerOptions> }>(
  async (fastify, opts) => {
    const config = opts.mail ?? TEST_MAIL;
    const queue = new MailRepository(fastify.db);
    const transport = config.smtpUrl ? await smtpTransport(config.smtpUrl, config.from) : null;
    const worker = new MailWorker(queue, transport, fastify.log, opts.worker);
    // A read-only database can queue nothing and mark nothing sent: the worker stays still.
    const scheduler = config.worker === 'timer' && !fastify.db.$client.readonly ? timerScheduler() : manualScheduler;
    // Work started by `afterAnswer` that may still queue mail.
    const deferred = new Set<Promise<unknown>>();
    const settled = () => Promise.all([...deferred]);
    const drain = async (now?: () => Date) => {
      await settled();
      return worker.drain(now);
    };
    const tick = async (now: () => Date = () => new Date()) => {
      await settled();
      await notifications.reviewDigest(now());
      return worker.drain(now);
    };
    const logFailure = (err: unknown) => fastify.log.error({ err }, 'mail worker run failed');
    // Several instances may share the database: only the lease holder runs the scheduled tick
    // (the digest would be checked for, and the retries drained, by each otherwise). Claiming a
    // digest is conditional too (MailRepository.claimDigest), so even two holders of an expired
    // lease never send one twice; each queued message is claimed with its own lease.
    const leases = new LeaseRepository(fastify.db);
    const instance = randomUUID();
    const scheduledTick = async (now: () => Date = () => new Date()) => {
      if (!(await leases.claim(MAIL_LEASE, instance, LEASE_MS, now()))) {
        fastify.log.info({ lease: MAIL_LEASE }, 'scheduled mail work left to the instance holding the lease');
        return null;
      }
      return tick(now);
    };
    const notifications = new Notifications(queue, config.publicUrl, () => scheduler.soon(() => void drain().catch(logFailure)));

    fastify.decorate('mail', {
      queue,
      sending: transport !== null,
      drain,
      tick,
      scheduledTick,
      // Safe on any instance: a digest is claimed per reviewer before it is queued.
      kick: () => scheduler.soon(() => void tick().catch(logFailure)),
      afterAnswer(reply, work) {
        const sent = new Promise<void>((resolve) => {
          if (reply.raw.writableFinished || reply.raw.destroyed) return resolve();
          reply.raw.once('finish', () => resolve());
          reply.raw.once('close', () => resolve());
        });
        const run: Promise<unknown> = sent
          .then(work)
          .catch(logFailure)
          .finally(() => deferred.delete(run));
        deferred.add(run);
      },
    });
    fastify.decorate('notifications', notifications);
    fastify.addHook('onReady', async () => {
      scheduler.every(TICK_MS, () => void scheduledTick().catch(logFailure));
      scheduler.soon(() => void scheduledTick().catch(logFailure));
    });
    fastify.addHook('onClose', async () => {
      scheduler.stop();
      await settled();
      // A send under way finishes before the database closes under it.
      await worker.idle();
      // A clean stop hands the scheduled work over at once rather than when the lease expires.
      if (config.worker === 'timer' && !fastify.db.$client.readonly) await leases.release(MAIL_LEASE, instance).catch(logFailure);
      transport?.close();
    });
  },
  { name: 'mail', dependencies: ['repositories'] },
);
