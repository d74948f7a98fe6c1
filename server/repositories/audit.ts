import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/connection.js';
import { auditLog } from '../../db/schema/index.js';
import type { Reader, Tx } from '../../db/unit-of-work.js';

export { inTransaction, type Reader, type Tx } from '../../db/unit-of-work.js';

/**
 * The database or a unit of work on it. A method taking one reads through it, and writes by
 * `inTransaction(writer, …)`, which joins the caller's unit when given one (so the change and
 * its audit row commit together) and starts a unit of its own when given the database.
 */
export type Writer = Db;

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
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
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
export async function countRows(reader: Reader, table: SQLiteTable, where?: SQL): Promise<number> {
  const [row] = await reader
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .where(where);
  return Number(row?.n ?? 0);
}
