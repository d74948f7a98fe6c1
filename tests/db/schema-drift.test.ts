import { is, sql, type Table } from 'drizzle-orm';
import { boolean, getTableConfig as pgTableConfig, index, integer, PgTable, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../db/schema/pg/index.js';
import * as sqliteSchema from '../../db/schema/sqlite/index.js';

/**
 * The two dialects' schemas are written side by side (db/schema/sqlite/, db/schema/pg/) and the
 * same repository code runs on both, so they must describe the same tables: same names, the
 * same JavaScript property for each column, the same not-null, primary keys, defaults, unique
 * columns, indexes, foreign keys and checks. Column types differ on purpose (0/1 integers and
 * JSON text on SQLite, boolean and jsonb on PostgreSQL) and are not compared.
 */

interface Shape {
  columns: Record<string, string>;
  primaryKeys: string[];
  indexes: Record<string, string>;
  foreignKeys: string[];
  uniqueConstraints: string[];
  checks: string[];
}

type AnyConfig = ReturnType<typeof pgTableConfig> | ReturnType<typeof sqliteTableConfig>;

function configOf(table: Table): AnyConfig {
  if (is(table, PgTable)) return pgTableConfig(table);
  if (is(table, SQLiteTable)) return sqliteTableConfig(table);
  throw new Error('not a drizzle table');
}

function columnName(c: unknown): string {
  return (c as { name?: string }).name ?? '(expression)';
}

function shapeOf(table: Table): Shape {
  const config = configOf(table);
  const propertyOf = new Map(Object.entries(table).map(([key, col]) => [col, key]));
  const columns: Record<string, string> = {};
  for (const c of config.columns) {
    columns[c.name] = [
      `property ${propertyOf.get(c) ?? '?'}`,
      c.notNull ? 'not null' : 'nullable',
      c.primary ? 'primary key' : '',
      c.hasDefault ? 'has a default' : 'no default',
      c.isUnique ? `unique (${c.uniqueName ?? ''})` : '',
    ]
      .filter(Boolean)
      .join(', ');
  }
  const indexes: Record<string, string> = {};
  for (const i of config.indexes) {
    indexes[i.config.name ?? '(unnamed)'] = `${i.config.unique ? 'unique ' : ''}on (${i.config.columns.map(columnName).join(', ')})`;
  }
  return {
    columns,
    primaryKeys: config.primaryKeys.map((pk) => `${pk.getName()} (${pk.columns.map((c) => c.name).join(', ')})`).sort(),
    indexes,
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = configOf(ref.foreignTable as Table).name;
        return `${fk.getName()}: (${ref.columns.map((c) => c.name).join(', ')}) -> ${target}(${ref.foreignColumns.map((c) => c.name).join(', ')}) on delete ${fk.onDelete ?? 'no action'}, on update ${fk.onUpdate ?? 'no action'}`;
      })
      .sort(),
    uniqueConstraints: config.uniqueConstraints.map((u) => `${u.getName()} (${u.columns.map((c) => c.name).join(', ')})`).sort(),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function tablesOf(module: Record<string, unknown>): Map<string, Table> {
  const tables = new Map<string, Table>();
  for (const value of Object.values(module)) {
    if (is(value, PgTable) || is(value, SQLiteTable)) tables.set(configOf(value).name, value);
  }
  return tables;
}

/** What differs between two tables, one sentence each (empty when they match). */
function tableDifferences(sqlite: Table, pg: Table): string[] {
  const a = shapeOf(sqlite);
  const b = shapeOf(pg);
  const name = configOf(sqlite).name;
  const out: string[] = [];
  const compareRecords = (what: string, x: Record<string, string>, y: Record<string, string>) => {
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!(key in y)) out.push(`${name}: ${what} ${key} is only on SQLite`);
      else if (!(key in x)) out.push(`${name}: ${what} ${key} is only on PostgreSQL`);
      else if (x[key] !== y[key]) out.push(`${name}: ${what} ${key} is "${x[key]}" on SQLite but "${y[key]}" on PostgreSQL`);
    }
  };
  const compareLists = (what: string, x: string[], y: string[]) => {
    for (const item of x) if (!y.includes(item)) out.push(`${name}: ${what} ${item} is only on SQLite`);
    for (const item of y) if (!x.includes(item)) out.push(`${name}: ${what} ${item} is only on PostgreSQL`);
  };
  compareRecords('column', a.columns, b.columns);
  compareRecords('index', a.indexes, b.indexes);
  compareLists('primary key', a.primaryKeys, b.primaryKeys);
  compareLists('foreign key', a.foreignKeys, b.foreignKeys);
  compareLists('unique constraint', a.uniqueConstraints, b.uniqueConstraints);
  compareLists('check', a.checks, b.checks);
  return out;
}

function schemaDifferences(sqlite: Record<string, unknown>, pg: Record<string, unknown>): string[] {
  const a = tablesOf(sqlite);
  const b = tablesOf(pg);
  const out: string[] = [];
  for (const name of a.keys()) if (!b.has(name)) out.push(`table ${name} is only on SQLite`);
  for (const name of b.keys()) if (!a.has(name)) out.push(`table ${name} is only on PostgreSQL`);
  for (const [name, table] of a) {
    const twin = b.get(name);
    if (twin) out.push(...tableDifferences(table, twin));
  }
  return out;
}

describe('the SQLite and PostgreSQL schemas', () => {
  it('describe the same tables, columns, keys, indexes and constraints', () => {
    expect(tablesOf(sqliteSchema).size).toBeGreaterThanOrEqual(22);
    expect(schemaDifferences(sqliteSchema, pgSchema)).toEqual([]);
  });

  it('export the same names (tables, value lists) from both index modules', () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
  });

  it('catch a drifted copy: a renamed property, a lost default, a dropped index, a missing table', () => {
    // A copy of `subjects` that drifted in four ways, and a schema missing `site_settings`.
    const drifted = pgTable(
      'subjects',
      {
        id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
        slug: text('slug').notNull().unique(),
        name: text('name').notNull(),
        role: text('role').notNull(),
        office: text('office').notNull(),
        bio: text('bio'),
        photoUrl: text('photo_url'),
        homepage: text('website'),
        termStart: text('term_start'),
        termEnd: text('term_end'),
        demo: boolean('demo').notNull(),
        inOffice: boolean('in_office').notNull().default(false),
        archivedAt: text('archived_at'),
        createdAt: text('created_at')
          .notNull()
          .$defaultFn(() => ''),
        updatedAt: text('updated_at'),
      },
      (t) => [
        index('subjects_name_idx').on(t.name),
        uniqueIndex('subjects_one_in_office')
          .on(t.inOffice)
          .where(sql`${t.inOffice}`),
      ],
    );
    const { siteSettings: _left, ...withoutSite } = pgSchema;
    const differences = schemaDifferences(sqliteSchema, { ...withoutSite, subjects: drifted });
    expect(differences).toEqual(
      expect.arrayContaining([
        'table site_settings is only on SQLite',
        'subjects: column website is "property website, nullable, no default" on SQLite but "property homepage, nullable, no default" on PostgreSQL',
        'subjects: column demo is "property demo, not null, has a default" on SQLite but "property demo, not null, no default" on PostgreSQL',
        'subjects: column updated_at is "property updatedAt, not null, has a default" on SQLite but "property updatedAt, nullable, no default" on PostgreSQL',
        'subjects: index subjects_name_idx is only on PostgreSQL',
      ]),
    );
    expect(differences).toHaveLength(5);
  });

  it('catch a drifted index and foreign key', () => {
    const sessions = pgTable(
      'sessions',
      {
        tokenHash: text('token_hash').primaryKey(),
        userId: integer('user_id')
          .notNull()
          .references(() => pgSchema.users.id),
        createdAt: text('created_at')
          .notNull()
          .$defaultFn(() => ''),
        expiresAt: text('expires_at').notNull(),
        userAgent: text('user_agent'),
      },
      (t) => [index('sessions_user_idx').on(t.userId, t.expiresAt)],
    );
    expect(tableDifferences(sqliteSchema.sessions, sessions)).toEqual([
      'sessions: index sessions_user_idx is "on (user_id)" on SQLite but "on (user_id, expires_at)" on PostgreSQL',
      'sessions: foreign key sessions_user_id_users_id_fk: (user_id) -> users(id) on delete cascade, on update no action is only on SQLite',
      'sessions: foreign key sessions_user_id_users_id_fk: (user_id) -> users(id) on delete no action, on update no action is only on PostgreSQL',
    ]);
  });
});
