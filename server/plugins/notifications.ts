import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Messages to people that a write should trigger. This is the one place they leave the app:
 * today each is a log line; mail (issue 13) replaces the implementation, the call sites stay.
 */
export interface Notifications {
  /** A proposed correction or retraction awaits a second reviewer. */
  changeProposed(changeId: number): void;
  /** A reply from a graded person's office awaits review. */
  replySubmitted(replyId: number): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    notifications: Notifications;
  }
}

export function loggedNotifications(log: FastifyBaseLogger): Notifications {
  return {
    changeProposed: (changeId) => log.info({ changeId }, 'notify reviewers: a proposed change awaits a second reviewer'),
    replySubmitted: (replyId) => log.info({ replyId }, 'notify reviewers: a reply from an office awaits review'),
  };
}

export default fp(
  async (fastify) => {
    fastify.decorate('notifications', loggedNotifications(fastify.log));
  },
  { name: 'notifications' },
);
