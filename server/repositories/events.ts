import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { events, eventSubjects, subjects } from '../../db/schema/index.js';
import type { PublicEvent } from '../schemas/events.js';

export class EventRepository {
  constructor(private readonly db: Db) {}

  /** All events in time order, each with the people linked to it. */
  async list(): Promise<PublicEvent[]> {
    const rows = await this.db.select().from(events).orderBy(asc(events.startsAt));
    if (rows.length === 0) return [];
    const links = await this.db
      .select({ eventId: eventSubjects.eventId, slug: subjects.slug, name: subjects.name, role: subjects.role })
      .from(eventSubjects)
      .innerJoin(subjects, eq(subjects.id, eventSubjects.subjectId))
      .where(
        inArray(
          eventSubjects.eventId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(subjects.name));
    return rows.map(({ flyerPath, createdAt: _c, updatedAt: _u, ...rest }) => ({
      ...rest,
      flyerUrl: flyerPath ? `/media/flyers/${encodeURIComponent(flyerPath)}` : null,
      subjects: links.filter((l) => l.eventId === rest.id).map(({ eventId: _e, ...s }) => s),
    }));
  }
}
