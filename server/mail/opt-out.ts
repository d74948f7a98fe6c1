import type { User } from '../../db/schema/index.js';

/**
 * The optional emails, in the three groups an account can turn off (the account page's
 * "Notifications"). Each optional message belongs to one group, and its one-click opt-out link
 * turns off that group only: someone tired of digests still hears that their entry was published.
 */
export const OPT_OUT_TOPICS = {
  'review-queue': 'notifyReviewQueue',
  decisions: 'notifyDecisions',
  'changes-and-replies': 'notifyChangesAndReplies',
} as const satisfies Record<string, keyof User>;

export type OptOutTopic = keyof typeof OPT_OUT_TOPICS;
export const optOutTopics = Object.keys(OPT_OUT_TOPICS) as OptOutTopic[];

/** The group each optional kind of message belongs to. */
export const TOPIC_OF_KIND: Record<string, OptOutTopic> = {
  'review-digest': 'review-queue',
  'entry-published': 'decisions',
  'entry-rejected': 'decisions',
  'second-review': 'changes-and-replies',
  'office-reply': 'changes-and-replies',
};

/** Where a recipient turns one group off without signing in (a page, and RFC 8058's POST target). */
export const optOutPath = (token: string, topic: OptOutTopic) => `/unsubscribe/${token}/${topic}`;
