import { createHash } from 'node:crypto';
import { and, eq, isNotNull, notExists } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { eventFlyers, events } from '../../db/schema/index.js';
import { inTransaction, type Tx } from './audit.js';

/** A flyer image as stored: its public name (in /media/flyers/<name>), type and bytes. */
export interface FlyerImage {
  name: string;
  contentType: string;
  bytes: Buffer;
}

export const FLYER_TYPES = { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp', pdf: 'application/pdf' } as const;

/** A strong ETag of the bytes: the same image always has the same tag, on every instance. */
export const flyerEtag = (bytes: Buffer) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;

/**
 * Event flyers in the database (table event_flyers), so any instance serves any flyer. Writes
 * happen inside the admin's change to the event (AdminRepository.setEventFlyer), and a flyer
 * goes with its event by the foreign key's cascade.
 */
export class FlyerRepository {
  constructor(private readonly db: Db) {}

  async byName(name: string) {
    const [row] = await this.db
      .select({ contentType: eventFlyers.contentType, etag: eventFlyers.etag, bytes: eventFlyers.bytes })
      .from(eventFlyers)
      .where(eq(eventFlyers.name, name))
      .limit(1);
    return row;
  }

  /** Stores `image` as the flyer of event `eventId`, inside the caller's unit of work. */
  async store(tx: Tx, eventId: number, image: FlyerImage): Promise<void> {
    await tx.insert(eventFlyers).values({ ...image, eventId, etag: flyerEtag(image.bytes) });
  }

  async remove(tx: Tx, name: string): Promise<void> {
    await tx.delete(eventFlyers).where(eq(eventFlyers.name, name));
  }

  /** Events whose flyer is named but not stored: those uploaded before flyers moved into the database. */
  async missing(): Promise<Array<{ eventId: number; name: string }>> {
    const rows = await this.db
      .select({ eventId: events.id, name: events.flyerPath })
      .from(events)
      .where(
        and(
          isNotNull(events.flyerPath),
          notExists(this.db.select({ name: eventFlyers.name }).from(eventFlyers).where(eq(eventFlyers.name, events.flyerPath))),
        ),
      );
    return rows.map((r) => ({ eventId: r.eventId, name: r.name! }));
  }

  /** Stores flyers read from disk (the start-up import); one unit, so a failed start leaves none half-imported. */
  importAll(flyers: Array<{ eventId: number } & FlyerImage>): Promise<void> {
    return inTransaction(this.db, async (tx) => {
      for (const { eventId, ...image } of flyers) await this.store(tx, eventId, image);
    });
  }
}
