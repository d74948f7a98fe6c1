import type Database from 'better-sqlite3';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection.js';
import * as schema from '../../db/schema/index.js';
import { auditLog, users } from '../../db/schema/index.js';

/** The database or a transaction on it: every write and its audit row go through one of these. */
export type Writer = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

/** Who made a change; null for the command line and the system itself. */
export interface Actor {
  id: number;
}

export interface AuditEntry {
  actor: Actor | null;
  /** `<entity>.<verb>`, e.g. `evidence.publish`, `user.update`. */
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit row; call it inside the transaction of the change it records. */
export function recordAudit(writer: Writer, entry: AuditEntry): void {
  writer
    .insert(auditLog)
    .values({
      actorId: entry.actor?.id ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId === null ? null : String(entry.entityId),
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}

export interface Paging {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The total behind a paged list. */
export function countRows(writer: Writer, table: SQLiteTable, where?: SQL): number {
  const row = writer
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(where)
    .get();
  return row?.n ?? 0;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Newest first, optionally for one entity or one actor. */
  list(filter: { entityType?: string; entityId?: string; actorId?: number }, paging: Paging) {
    const where = and(
      filter.entityType === undefined ? undefined : eq(auditLog.entityType, filter.entityType),
      filter.entityId === undefined ? undefined : eq(auditLog.entityId, filter.entityId),
      filter.actorId === undefined ? undefined : eq(auditLog.actorId, filter.actorId),
    );
    const rows = this.db
      .select({
        id: auditLog.id,
        actorId: auditLog.actorId,
        actorName: users.displayName,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .all();
    const items = rows.map(({ actorId, actorName, ...rest }) => ({
      ...rest,
      actor: actorId === null ? null : { id: actorId, displayName: actorName ?? '' },
    }));
    return { items, ...paging, total: countRows(this.db, auditLog, where) };
  }
}
