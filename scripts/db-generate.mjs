// `npm run db:generate [-- --name what]`: drizzle-kit generates the migrations of both engines
// from their schemas, SQLite's into migrations/ (drizzle.config.ts) and PostgreSQL's into
// migrations/pg/ (drizzle.pg.config.ts), with the same arguments.
import { spawnSync } from 'node:child_process';

for (const config of ['drizzle.config.ts', 'drizzle.pg.config.ts']) {
  const run = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
