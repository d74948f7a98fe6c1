import type Database from 'better-sqlite3';

/**
 * Every row of every table (SQLite's own and drizzle's bookkeeping included), in a stable
 * order: two dumps are equal exactly when nothing stored has changed.
 */
export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const all = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all() as Array<{
    name: string;
    sql: string | null;
  }>;
  // A virtual table (the FTS5 search index) is dumped as itself; its shadow tables only
  // restate it, and some have no rowid to order by.
  const virtual = all.filter((t) => /^create virtual table/i.test(t.sql ?? '')).map((t) => `${t.name}_`);
  const tables = all.map((t) => t.name).filter((name) => !virtual.some((prefix) => name.startsWith(prefix)));
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    // Every table here has a rowid; ordering by it keeps the dump stable across calls.
    dump[table] = sqlite.prepare(`select * from "${table}" order by rowid`).raw().all();
  }
  return dump;
}
