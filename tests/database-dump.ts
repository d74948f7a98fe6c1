import type Database from 'better-sqlite3';

/**
 * Every row of every table (SQLite's own and drizzle's bookkeeping included), in a stable
 * order: two dumps are equal exactly when nothing stored has changed.
 */
export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    // Every table here has a rowid; ordering by it keeps the dump stable across calls.
    dump[table] = sqlite.prepare(`select * from "${table}" order by rowid`).raw().all();
  }
  return dump;
}
