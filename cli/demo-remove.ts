// Deletes the fictional demo data (every row marked `demo`: people, elections, events, evidence
// with its sources and revisions) from the database the server uses, in one transaction logged
// in the audit as done from the command line. Real data is left as it is. Safe to run twice,
// and the demo is not seeded again on a restart afterwards.
//   npm run demo:remove [-- --env-file FILE]
import { migrateDatabase } from '../db/migrate.js';
import { AdminRepository } from '../server/repositories/admin.js';
import { command } from './command.js';

const cli = command('demo:remove', {}, 'npm run demo:remove [-- --env-file FILE]');
const db = cli.openDatabase();
try {
  migrateDatabase(db);
  const removed = await new AdminRepository(db).removeDemo(null);
  process.stdout.write(
    `demo:remove: deleted ${removed.people} people, ${removed.elections} elections, ${removed.events} events and ${removed.evidence} evidence entries\n`,
  );
} finally {
  db.$client.close();
}
