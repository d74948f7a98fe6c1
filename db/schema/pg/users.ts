import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, timestamp, updatedAt } from './columns.js';
import { LOCALES } from '../../../i18n/locales.js';
import { userRoles } from '../values.js';

export { userRoles, type UserRole } from '../values.js';

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: userRoles }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  /** The language of the emails this account receives. */
  language: text('language', { enum: LOCALES }).notNull().default('en'),
  /** Optional emails, each one click to turn off on the account page. */
  notifyReviewQueue: boolean('notify_review_queue').notNull().default(true),
  notifyDecisions: boolean('notify_decisions').notNull().default(true),
  notifyChangesAndReplies: boolean('notify_changes_and_replies').notNull().default(true),
  /**
   * The secret in the "turn these emails off" link of every optional email, so a recipient can
   * stop them without signing in (and mail programs can, by RFC 8058's one-click POST). Kept in
   * the clear because the same link goes out in every message and it can do nothing else;
   * made on the first optional email.
   */
  mailOptOutToken: text('mail_opt_out_token').unique(),
  /** When the last "entries await your review" digest was queued: at most one an hour. */
  reviewDigestAt: timestamp('review_digest_at'),
  /** The TOTP secret (base32); it only counts once `totp_enabled_at` is set. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at'),
  /** The RFC 6238 time step of the last code accepted: a code works once. */
  totpLastStep: integer('totp_last_step'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Server-side sessions; the cookie carries a random token whose SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    /** The browser that signed in, so the account page can tell sessions apart. */
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use password-reset links, valid one hour; only the token's SHA-256 is stored. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** An admin who sent the link, or null when the owner asked for it. */
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

/** Ten one-time codes given when two-factor sign-in is turned on; stored hashed. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Single-use, expiring invitations that let a new volunteer set a name and password. */
export const invites = pgTable('invites', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  tokenHash: text('token_hash').notNull().unique(),
  email: text('email').notNull(),
  role: text('role', { enum: userRoles }).notNull(),
  /** The language of the invitation email, and of the account it creates. */
  language: text('language', { enum: LOCALES }).notNull().default('en'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at').notNull(),
  usedAt: timestamp('used_at'),
});

export type User = typeof users.$inferSelect;
