import { defineConfig } from 'drizzle-kit';

// PostgreSQL's migrations, beside SQLite's (drizzle.config.ts, migrations/): `npm run db:generate` runs both.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/pg/index.ts',
  out: './migrations/pg',
});
