import type Database from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import type { BaseSQLiteDatabase, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from '../../db/schema/index.js';
import { auditLog } from '../../db/schema/index.js';

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
