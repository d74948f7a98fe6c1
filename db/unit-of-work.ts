import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { isPostgres } from './engine.js';
import type { PgDb } from './pg/connection.js';
import { pgDataVersionOf } from './pg/data-version-registry.js';

declare const inUnit: unique symbol;

/**
 * The database inside one unit of work (a transaction). Every write goes through one of these,
 * so what a change writes (the row, its revision, its audit entry, the mail it queues) commits
 * together or not at all. It is a `Db` for reading and writing; only `inTransaction` makes one.
 */
export type Tx = Db & { readonly [inUnit]: true };

/** The database, or a unit of work on it: what a read may run on. */
export type Reader = Db;

const TX = Symbol('unit of work');

/** Whether `db` is a unit of work already (then a nested call joins it). */
export function isTx(db: Db): db is Tx {
  return (db as unknown as Record<symbol, unknown>)[TX] === true;
}

/**
 * Runs `work` as one transaction and resolves with what it returns: every write made through
 * `tx` commits together, and a thrown error rolls all of them back and rejects with it. Given
 * a `tx` already (a repository method called inside another's unit), `work` joins that unit
 * instead of starting a second one: pass the transaction down, never the database, or the
 * inner call waits for the outer one forever.
 *
 * On PostgreSQL this is drizzle's own `db.transaction(async (tx) => …)`, one pooled connection
 * per unit. On SQLite it is `SqliteUnits` below.
 */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTx(db)) return work(db);
  if (isPostgres(db)) return postgresUnit(db as unknown as PgDb, work);
  return unitsOf(db).run(work);
}

/**
 * Any fixed number: the lock every unit of work on PostgreSQL takes first (`postgresUnit`),
 * paired with a hash of the schema. Units exclude each other only within one schema: two
 * deployments (or two test apps) in different schemas of one database have nothing to order,
 * and a database-wide lock made a long unit in one (a large import) stall every write in the others.
 */
const WRITER_LOCK = 18_0002;

/**
 * A unit of work on PostgreSQL: drizzle's own transaction, on one pooled connection.
 *
 * It keeps SQLite's guarantee that units run one at a time, across every instance on the
 * database (in its schema): each first takes one transaction-scoped advisory lock, released by its commit or
 * rollback. A unit that reads, checks and then writes (a review naming the revision it read,
 * the two-person rule) therefore never interleaves with another, as on SQLite, where one writer
 * at a time is the rule anyway. Reads outside units are not held up.
 *
 * After the commit the instance reads the data version again (db/pg/data-version.ts), so its
 * own next request never answers from a cache built before the write; other instances hear of
 * it through NOTIFY. A rollback changes nothing anyone could have seen: on PostgreSQL no other
 * connection reads uncommitted rows, so there is no rollback count to add.
 */
async function postgresUnit<T>(db: PgDb, work: (tx: Tx) => Promise<T>): Promise<T> {
  const value = await db.transaction(async (pgTx) => {
    await pgTx.execute(sql`select pg_advisory_xact_lock(${WRITER_LOCK}, hashtext(current_schema()))`);
    let open = true;
    const tx = new Proxy(pgTx, {
      get(target, prop, receiver) {
        if (prop === TX) return true;
        if (!open) throw new Error('A unit of work was used after it ended: await every query inside inTransaction');
        return Reflect.get(target, prop, receiver);
      },
    }) as unknown as Tx;
    try {
      return await work(tx);
    } finally {
      open = false;
    }
  });
  await pgDataVersionOf(db)?.refresh();
  return value;
}

/**
 * How many units of work on this connection ended in a rollback. The data version adds it
 * (server/plugins/database.ts): a reader that ran while the unit was open may have cached what
 * the unit wrote, and total_changes() does not go back down when those rows are rolled back,
 * so the rollback itself must move the version.
 */
export function rollbacksOn(db: Db): number {
  return units.get(db.$client)?.rollbacks ?? 0;
}

/** Resolves once every unit of work queued on this connection so far has ended (closing, tests). */
export function settled(db: Db): Promise<void> {
  return units.get(db.$client)?.settled() ?? Promise.resolve();
}

/** One queue per SQLite connection: the server, each CLI command and each test app has its own. */
const units = new WeakMap<object, SqliteUnits>();

function unitsOf(db: Db): SqliteUnits {
  let queue = units.get(db.$client);
  if (!queue) {
    queue = new SqliteUnits(db);
    units.set(db.$client, queue);
  }
  return queue;
}

/**
 * Units of work on one better-sqlite3 connection.
 *
 * better-sqlite3 runs each statement synchronously, and its own `transaction()` refuses an async
 * function: a transaction is simply the connection between BEGIN and COMMIT. Once repositories
 * `await` their queries, other requests' code runs between a unit's statements, on the same
 * connection. Two hazards follow, and this queue removes both:
 *
 * - Another request's write would land inside the open transaction and be rolled back with it,
 *   or committed with a unit it has nothing to do with. So every write goes through a unit
 *   (repositories never write through `this.db`; lint refuses it), and units run one at a time:
 *   a unit starts only when the one before it has committed or rolled back (an async mutex as
 *   a promise chain). SQLite allows one writer at a time anyway, so nothing is lost by waiting.
 * - A second process (the CLI, a restore) may write meanwhile: BEGIN IMMEDIATE takes the write
 *   lock at the start (waiting up to busy_timeout, as before), so a unit never fails half-way
 *   for a lock it could have asked for first.
 *
 * Reads are not queued: they run whenever their request does. A read that runs while a unit
 * is open sees that unit's writes before they commit (one connection, one view). If the unit
 * commits, that read was merely early; if it rolls back, the rollback moves the data version
 * (`rollbacksOn`), so nothing cached from that read outlives it.
 *
 * `tx` is the connection's drizzle object behind a proxy that refuses use once its unit has
 * ended: a query left un-awaited inside a unit fails loudly instead of running outside it.
 */
class SqliteUnits {
  rollbacks = 0;
  private tail: Promise<unknown> = Promise.resolve();

  private readonly changes;

  constructor(private readonly db: Db) {
    this.changes = db.$client.prepare('SELECT total_changes()').pluck();
  }

  private totalChanges(): number {
    return this.changes.get() as number;
  }

  run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = this.tail.then(() => this.once(work));
    this.tail = result.catch(() => undefined);
    return result;
  }

  settled(): Promise<void> {
    return this.tail.then(() => undefined);
  }

  private async once<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const client = this.db.$client;
    let open = true;
    const tx = new Proxy(this.db, {
      get(target, prop, receiver) {
        if (prop === TX) return true;
        if (!open) throw new Error('A unit of work was used after it ended: await every query inside inTransaction');
        return Reflect.get(target, prop, receiver);
      },
    }) as Tx;
    client.exec('BEGIN IMMEDIATE');
    const changesBefore = this.totalChanges();
    try {
      const value = await work(tx);
      open = false;
      client.exec('COMMIT');
      return value;
    } catch (err) {
      open = false;
      // A unit refused before it wrote anything (a 404, a 409) leaves every cache as it was.
      if (this.totalChanges() !== changesBefore) this.rollbacks++;
      if (client.inTransaction) client.exec('ROLLBACK');
      throw err;
    }
  }
}
