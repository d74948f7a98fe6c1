import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import { siteSettings } from '../../db/schema/index.js';
import { logoPath } from '../../core/site-logo.js';
import { inTransaction, recordAudit, type Actor } from './audit.js';

/** Until an admin names the coalition, widgets, badges, share images, link previews and the manifest show this. */
export const DEFAULT_COALITION_NAME = 'Sacramento County DA Accountability Coalition';

/**
 * The site's name where one line gives it (the web app manifest, `og:site_name` in link
 * previews): the product in the reader's language and the coalition that publishes it.
 */
export const fullSiteName = (productName: string, coalitionName: string) => `${productName} · ${coalitionName}`;

/** The one settings row. */
const ROW_ID = 1;

/** The logo as pages point at it: its versioned address and size (for `<img width height>`). */
export interface SiteLogo {
  url: string;
  width: number;
  height: number;
}

export interface SiteIdentity {
  coalitionName: string;
  logo: SiteLogo | null;
}

/** A logo the server has already re-encoded (server/routes/api/site/logo.ts). */
export interface LogoImage {
  png: Buffer;
  width: number;
  height: number;
}

/** Every column but the logo's bytes: what identity reads and what the audit log keeps. */
const IDENTITY_COLUMNS = {
  coalitionName: siteSettings.coalitionName,
  logoEtag: siteSettings.logoEtag,
  logoWidth: siteSettings.logoWidth,
  logoHeight: siteSettings.logoHeight,
};

/** The row as IDENTITY_COLUMNS reads it. */
interface IdentityRow {
  coalitionName: string;
  logoEtag: string | null;
  logoWidth: number | null;
  logoHeight: number | null;
}

/** A strong ETag of the bytes: the same logo has the same tag on every instance. */
const logoEtag = (png: Buffer) => `"${createHash('sha256').update(png).digest('base64url').slice(0, 27)}"`;

/** How the audit log describes a logo: its size and tag, never its bytes. */
const logoSummary = (row: IdentityRow | null) => (row?.logoEtag ? `${row.logoWidth}×${row.logoHeight} PNG ${row.logoEtag}` : null);

/**
 * The site's identity: who publishes the scorecard (shown on every widget) and its logo (the
 * page header, share images, print). Every write goes through a unit of work, so the data
 * version moves and cached pages and share images are drawn again with the new identity.
 */
export class SiteRepository {
  constructor(private readonly db: Db) {}

  private async row(reader: Db): Promise<IdentityRow | null> {
    const [row] = await reader.select(IDENTITY_COLUMNS).from(siteSettings).where(eq(siteSettings.id, ROW_ID)).limit(1);
    return row ?? null;
  }

  async identity(): Promise<SiteIdentity> {
    const row = await this.row(this.db);
    return {
      coalitionName: row?.coalitionName ?? DEFAULT_COALITION_NAME,
      logo:
        row?.logoEtag && row.logoWidth && row.logoHeight
          ? { url: logoPath(row.logoEtag.replaceAll('"', '')), width: row.logoWidth, height: row.logoHeight }
          : null,
    };
  }

  /** The logo's bytes, tag and size, or undefined when there is none. */
  async logo(): Promise<(LogoImage & { etag: string }) | undefined> {
    const [row] = await this.db
      .select({ png: siteSettings.logoPng, etag: siteSettings.logoEtag, width: siteSettings.logoWidth, height: siteSettings.logoHeight })
      .from(siteSettings)
      .where(eq(siteSettings.id, ROW_ID))
      .limit(1);
    return row?.png && row.etag && row.width && row.height
      ? { png: row.png, etag: row.etag, width: row.width, height: row.height }
      : undefined;
  }

  /** Sets the coalition's name, with its audit entry, in one transaction. */
  async updateIdentity(patch: { coalitionName: string }, actor: Actor): Promise<SiteIdentity> {
    return this.write({ coalitionName: patch.coalitionName }, (row) => row && { coalitionName: row.coalitionName }, actor);
  }

  /**
   * Sets (an image) or removes (null) the logo, with its audit entry, in one transaction.
   * Removing when there is none changes nothing and writes no audit entry.
   */
  async setLogo(image: LogoImage | null, actor: Actor): Promise<SiteIdentity> {
    const logo = image
      ? { logoPng: image.png, logoEtag: logoEtag(image.png), logoWidth: image.width, logoHeight: image.height }
      : { logoPng: null, logoEtag: null, logoWidth: null, logoHeight: null };
    return this.write(
      logo,
      (row) => ({ logo: logoSummary(row) }),
      actor,
      (before) => !image && !before?.logoEtag,
    );
  }

  /**
   * Writes `set` into the one settings row and its `site.update` audit entry, in one transaction:
   * `audited` says what the entry keeps of the row before and after (null: there was no row).
   * A first write makes the row; a logo set before any name keeps the default name, as the
   * site already shows it. When `unchanged(before)`, nothing is written, not even the entry.
   */
  private async write(
    set: Partial<Omit<typeof siteSettings.$inferInsert, 'id' | 'updatedAt'>>,
    audited: (row: IdentityRow | null) => unknown,
    actor: Actor,
    unchanged: (before: IdentityRow | null) => boolean = () => false,
  ): Promise<SiteIdentity> {
    await inTransaction(this.db, async (tx) => {
      const before = await this.row(tx);
      if (unchanged(before)) return;
      await tx
        .insert(siteSettings)
        .values({ id: ROW_ID, coalitionName: DEFAULT_COALITION_NAME, ...set })
        .onConflictDoUpdate({ target: siteSettings.id, set: { ...set, updatedAt: nowIso() } });
      const after = await this.row(tx);
      await recordAudit(tx, {
        actor,
        action: 'site.update',
        entityType: 'site',
        entityId: ROW_ID,
        before: audited(before),
        after: audited(after),
      });
    });
    return this.identity();
  }
}
