/**
 * Which database has a shared PostgreSQL data version (db/pg/data-version.ts), kept apart from
 * it so the unit of work can ask without loading the pg driver: on SQLite it is never needed,
 * and loading it was part of the server's start-up.
 */
export interface RefreshableDataVersion {
  refresh(): Promise<void>;
}

const versions = new WeakMap<object, RefreshableDataVersion>();

export function registerPgDataVersion(db: object, version: RefreshableDataVersion): void {
  versions.set(db, version);
}

/** The data version started for `db`, if any: the unit of work refreshes it after each commit. */
export function pgDataVersionOf(db: object): RefreshableDataVersion | undefined {
  return versions.get(db);
}
