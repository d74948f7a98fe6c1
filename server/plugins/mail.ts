import fp from 'fastify-plugin';
import type { MailConfig } from '../config.js';
import { Notifications } from '../mail/notifications.js';
import { smtpTransport } from '../mail/transport.js';
import { manualScheduler, MailWorker, timerScheduler, type DrainResult, type WorkerOptions } from '../mail/worker.js';
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
      /** The review queue changed: run a tick soon (by the timer; in tests, nothing happens). */
      kick(): void;
    };
    /** Every email the app sends: see server/mail/notifications.ts and server/mail/README.md. */
    notifications: Notifications;
  }
}

/** How often the worker looks for retries that came due and digests to send. */
const TICK_MS = 60_000;

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
    const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.from) : null;
    const worker = new MailWorker(queue, transport, fastify.log, opts.worker);
    // A read-only database can queue nothing and mark nothing sent: the worker stays still.
    const scheduler = config.worker === 'timer' && !fastify.db.$client.readonly ? timerScheduler() : manualScheduler;
    const drain = (now?: () => Date) => worker.drain(now);
    const tick = async (now: () => Date = () => new Date()) => {
      await notifications.reviewDigest(now());
      return worker.drain(now);
    };
    const logFailure = (err: unknown) => fastify.log.error({ err }, 'mail worker run failed');
    const notifications = new Notifications(queue, config.publicUrl, () => scheduler.soon(() => void drain().catch(logFailure)));

    fastify.decorate('mail', {
      queue,
      sending: transport !== null,
      drain,
      tick,
      kick: () => scheduler.soon(() => void tick().catch(logFailure)),
    });
    fastify.decorate('notifications', notifications);
    fastify.addHook('onReady', async () => {
      scheduler.every(TICK_MS, () => void tick().catch(logFailure));
      scheduler.soon(() => void tick().catch(logFailure));
    });
    fastify.addHook('onClose', async () => {
      scheduler.stop();
      // A send under way finishes before the database closes under it.
      await worker.idle();
      transport?.close();
    });
  },
  { name: 'mail', dependencies: ['repositories'] },
);
