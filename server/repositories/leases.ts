import { and, eq, lte, or } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { leases } from '../../db/schema/index.js';
import { inTransaction } from './audit.js';

/**
 * Named leases, so scheduled work runs on one instance at a time however many share the
 * database. A lease is one row: whoever holds it keeps it until it expires, and renews it by
 * claiming again; another instance gets it only once it has expired (its holder stopped or
 * crashed). One conditional upsert decides, which both engines run atomically.
 */
export class LeaseRepository {
  constructor(private readonly db: Db) {}

  /** Takes or renews `name` for `ms` from `now`; true when `holder` now holds it. */
  claim(name: string, holder: string, ms: number, now: Date = new Date()): Promise<boolean> {
    const expiresAt = new Date(now.getTime() + ms).toISOString();
    return inTransaction(this.db, async (tx) => {
      const taken = await tx
        .insert(leases)
        .values({ name, holder, expiresAt })
        .onConflictDoUpdate({
          target: leases.name,
          set: { holder, expiresAt },
          setWhere: or(eq(leases.holder, holder), lte(leases.expiresAt, now.toISOString())),
        })
        .returning({ holder: leases.holder });
      return taken.length === 1;
    });
  }

  /** Gives the lease up at once (a clean shutdown), so another instance need not wait for it to expire. */
  release(name: string, holder: string): Promise<void> {
    return inTransaction(this.db, async (tx) => {
      await tx.delete(leases).where(and(eq(leases.name, name), eq(leases.holder, holder)));
    });
  }
}
