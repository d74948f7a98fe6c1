import pg from 'pg';
import type { PgDb } from './connection.js';
import { registerPgDataVersion } from './data-version-registry.js';

/** The channel the data_version trigger notifies on (migrations/pg/0001_data_version.sql). */
export const DATA_VERSION_CHANNEL = 'data_version';

/**
 * The data version on PostgreSQL, shared by every instance on the database.
 *
 * The number itself is the `data_version` row, bumped by a trigger in the same transaction as
 * every write, whoever writes (this instance, another one, a command, psql). Each instance
 * LISTENs: PostgreSQL delivers the trigger's NOTIFY when the write commits, and the instance
 * moves its version, so its caches miss. Its own writes move it at once: the unit of work
 * calls `refresh()` after its commit, so the very next request sees them without waiting for
 * the notification.
 *
 * `value` is this instance's own counter, moved whenever the database's number moves. While the
 * listening connection is down (PostgreSQL restarting, a failover) a notification could be
 * missed, so every read of `value` then gives a new number: nothing is served from cache until
 * the connection is back and the number is read again. It never repeats, so an answer cached
 * in that time can never match later.
 */
export class PgDataVersion {
  private counter = 0;
  private known = -1;
  private listener: pg.Client | undefined;
  private listening = false;
  private closed = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: PgDb,
    private readonly url: string,
    private readonly schema: string,
    private readonly onError: (err: Error) => void = () => undefined,
  ) {}

  get value(): number {
    return this.listening ? this.counter : ++this.counter;
  }

  /** Starts listening and reads the current number; resolves once notifications are on. */
  async start(): Promise<void> {
    await this.connect();
  }

  /** Reads the database's number (after this instance's own commit, or a reconnection). */
  async refresh(): Promise<void> {
    const { rows } = await this.db.$client.query<{ value: number }>('SELECT value FROM data_version WHERE id = 1');
    this.saw(Number(rows[0]?.value ?? 0));
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
  }

  private saw(value: number): void {
    if (value > this.known) {
      this.known = value;
      this.counter++;
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 10_000 });
    this.listener = client;
    const lost = (err?: Error) => {
      if (this.listener !== client || this.closed) return;
      this.listening = false;
      this.listener = undefined;
      if (err) this.onError(err);
      client.end().catch(() => undefined);
      this.reconnectSoon();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel !== DATA_VERSION_CHANNEL || !message.payload) return;
      const space = message.payload.lastIndexOf(' ');
      if (message.payload.slice(0, space) === this.schema) this.saw(Number(message.payload.slice(space + 1)));
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DATA_VERSION_CHANNEL}`);
      // Read after LISTEN: a write committed in between is then either in the number or notified.
      await this.refresh();
    } catch (err) {
      this.listener = undefined;
      await client.end().catch(() => undefined);
      throw err;
    }
    this.listening = !this.closed;
  }

  private reconnectSoon(): void {
    if (this.closed) return;
    this.retry = setTimeout(() => {
      this.connect().catch((err: Error) => {
        this.onError(err);
        this.reconnectSoon();
      });
    }, 1000);
    this.retry.unref();
  }
}

/** Starts the shared data version for `db` (server/plugins/database.ts does, once per app). */
export async function startPgDataVersion(db: PgDb, url: string, schema: string, onError?: (err: Error) => void): Promise<PgDataVersion> {
  const version = new PgDataVersion(db, url, schema, onError);
  await version.start();
  registerPgDataVersion(db, version);
  return version;
}
