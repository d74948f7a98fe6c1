import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamp } from './columns.js';

import { signInScopes } from '../values.js';

export { signInScopes, type SignInScope } from '../values.js';

/**
 * Failed sign-ins within the limits' window (server/auth/sign-in-limits.ts), in the database so
 * every instance counts the same failures. `key` is the email typed (account) or the client
 * address; `failed_at` is in milliseconds, compared as a number. Rows older than the window
 * are deleted as new ones come in.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    scope: text('scope', { enum: signInScopes }).notNull(),
    key: text('key').notNull(),
    // Milliseconds outgrow a 32-bit integer: bigint, read back as a JavaScript number.
    failedAt: bigint('failed_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.scope, t.key, t.failedAt), index('sign_in_failures_at_idx').on(t.failedAt)],
);

/**
 * Scheduled work that must run once across instances (the mail worker's tick, the reviewer
 * digest) takes the row of its name: a holder keeps it until `expires_at`, and another instance
 * may take it only after that (server/repositories/leases.ts).
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at').notNull(),
});
