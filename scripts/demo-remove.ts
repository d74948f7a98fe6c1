// Deletes the fictional demo data (every row marked `demo`: people, elections, events, evidence
// with its sources and revisions) from the database the server uses, in one transaction logged
// in the audit as done from the command line. Real data is left as it is. Safe to run twice.
//   npm run demo:remove
// Set SEED_DEMO=0 so a restart with no people in the database does not add it back.
import { openDatabase } from '../db/connection.js';
import { migrateDatabase } from '../db/migrate.js';
import { loadConfig } from '../server/config.js';
import { AdminRepository } from '../server/repositories/admin.js';

const db = openDatabase(loadConfig().databasePath);
try {
  migrateDatabase(db);
  const removed = new AdminRepository(db).removeDemo(null);
  process.stdout.write(
    `demo:remove: deleted ${removed.people} people, ${removed.elections} elections, ${removed.events} events and ${removed.evidence} evidence entries\n`,
  );
} finally {
  db.$client.close();
}
