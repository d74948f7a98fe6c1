// The SQLite tables, where every importer has always found them. PostgreSQL's twins are in
// db/schema/pg/ (same names, same JavaScript shapes); tests/db/schema-drift.test.ts keeps
// the two from drifting apart.
export * from './sqlite/index.js';
