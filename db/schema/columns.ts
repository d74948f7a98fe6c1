/**
 * Both dialects store a moment as ISO 8601 text in UTC (db/schema/sqlite/columns.ts,
 * db/schema/pg/columns.ts): it sorts correctly as text and goes out through the API unchanged,
 * so the same repository code answers the same JSON on either engine.
 */
export const nowIso = () => new Date().toISOString();
