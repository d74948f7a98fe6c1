import { and, asc, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { signInFailures } from '../../db/schema/index.js';
import { inTransaction } from './audit.js';

export type SignInScope = (typeof signInFailures.$inferInsert)['scope'];

/**
 * Failed sign-ins, per account (the email typed) and per address, in the database: every
 * instance sees the same counts, and a restart forgets nothing. Times are milliseconds.
 */
export class SignInFailureRepository {
  constructor(private readonly db: Db) {}

  /** When `key` failed after `since`, oldest first. */
  async since(scope: SignInScope, key: string, since: number): Promise<number[]> {
    const rows = await this.db
      .select({ at: signInFailures.failedAt })
      .from(signInFailures)
      .where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key), gt(signInFailures.failedAt, since)))
      .orderBy(asc(signInFailures.failedAt));
    return rows.map((r) => Number(r.at));
  }

  /** Records one failure of each key at `at`, and forgets every failure at or before `forgetBefore`. */
  record(keys: Array<[SignInScope, string]>, at: number, forgetBefore: number): Promise<void> {
    return inTransaction(this.db, async (tx) => {
      await tx.delete(signInFailures).where(lte(signInFailures.failedAt, forgetBefore));
      await tx.insert(signInFailures).values(keys.map(([scope, key]) => ({ scope, key, failedAt: at })));
    });
  }

  clear(scope: SignInScope, key: string): Promise<void> {
    return inTransaction(this.db, async (tx) => {
      await tx.delete(signInFailures).where(and(eq(signInFailures.scope, scope), eq(signInFailures.key, key)));
    });
  }
}
