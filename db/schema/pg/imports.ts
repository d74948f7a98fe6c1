import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * How many spreadsheet rows each account imported on each calendar day (Sacramento's day,
 * core/calendar.ts): the daily import limit counts from here (issue 14). Only rows that became
 * entries count; dry runs and rows skipped as already imported do not.
 */
export const importDays = pgTable(
  'import_days',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    rows: integer('rows').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);
