import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { siteSettings } from '../../db/schema/index.js';
import { inTransaction, recordAudit, type Actor } from './audit.js';

/** Until an admin names the coalition, widgets and badges show this. */
export const DEFAULT_COALITION_NAME = 'Sacramento County DA Accountability Coalition';

/** The one settings row. */
const ROW_ID = 1;

export interface SiteIdentity {
  coalitionName: string;
}

/** The site's identity: who publishes the scorecard (shown on every widget). */
export class SiteRepository {
  constructor(private readonly db: Db) {}

  async identity(): Promise<SiteIdentity> {
    const [row] = await this.db.select().from(siteSettings).where(eq(siteSettings.id, ROW_ID)).limit(1);
    return { coalitionName: row?.coalitionName ?? DEFAULT_COALITION_NAME };
  }

  /** Sets the coalition's name, with its audit entry, in one transaction. */
  async updateIdentity(patch: SiteIdentity, actor: Actor): Promise<SiteIdentity> {
    await inTransaction(this.db, async (tx) => {
      const before = (await tx.select().from(siteSettings).where(eq(siteSettings.id, ROW_ID)).limit(1))[0] ?? null;
      const [after] = await tx
        .insert(siteSettings)
        .values({ id: ROW_ID, coalitionName: patch.coalitionName })
        .onConflictDoUpdate({ target: siteSettings.id, set: { coalitionName: patch.coalitionName, updatedAt: nowIso() } })
        .returning();
      await recordAudit(tx, { actor, action: 'site.update', entityType: 'site', entityId: ROW_ID, before, after });
    });
    return this.identity();
  }
}
