// Copies a whole scorecard between the two engines: an SQLite file to a PostgreSQL database
// (moving to a host with managed PostgreSQL), or back. The target is migrated and must be
// empty; the copy is one transaction, checked before it commits (every table's row count and
// every person's scorecard equal on both sides). Stop the server writing to the source first.
// Flyer files stay where they are: copy the data folder's flyers/ along with it.
//   npm run db:copy -- --from ./data/scorecard.db --to postgres://user@host/db[?schema=name]
//   npm run db:copy -- --from postgres://user@host/db --to ./copy.db
import { closeEndpoint, copyDatabase, openEndpoint, type Endpoint } from '../db/copy.js';
import { command } from './command.js';

const usage = 'npm run db:copy -- --from <sqlite file | postgres url> --to <postgres url | sqlite file>';
const cli = command('db:copy', { from: { type: 'string' }, to: { type: 'string' } }, usage);
const from = cli.values.from as string | undefined;
const to = cli.values.to as string | undefined;
if (!from || !to) cli.fail(`--from and --to are both needed\nusage: ${usage}`);
if (from === to) cli.fail('--from and --to name the same database');

const opened: Endpoint[] = [];
try {
  const source = await openEndpoint(from!, 'source');
  opened.push(source);
  const target = await openEndpoint(to!, 'target');
  opened.push(target);
  if (source.engine === target.engine)
    cli.fail(`both are ${source.engine}: db:copy moves between SQLite and PostgreSQL (use backup for a copy)`);
  const report = await copyDatabase(source, target);
  const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
  process.stdout.write(
    `db:copy: copied ${rows} rows in ${report.tables.length} tables from ${source.label} to ${target.label}; ` +
      `row counts and all ${report.scorecards} scorecards match\n`,
  );
} catch (err) {
  cli.fail((err as Error).message);
} finally {
  for (const end of opened) await closeEndpoint(end);
}
