import { openDatabase } from '../db/connection.js';
import { migrateDatabase } from '../db/migrate.js';
import { writePrivateFile } from '../db/private-files.js';
import { seedDemo, seedStandards } from '../db/seed/index.js';

/**
 * Every SQLite test app used to start on an empty file and run every migration and the seeding
 * itself: a few dozen statements, each committed with an fsync (synchronous=FULL), so on a busy
 * disk most of an app's start was waiting for the disk. Instead each worker process migrates and
 * seeds once, in memory, and `buildTestApp` writes that image as the app's database file. The app
 * then opens it with its own settings and runs its own migration and seeding step, which find
 * nothing left to do: the start path is the same, only the work is done once.
 *
 * One image with the demo data and one without, made on first use and kept as a promise so two
 * apps built at once in the same file share it.
 */
const images = new Map<boolean, Promise<Buffer>>();

async function makeImage(withDemo: boolean): Promise<Buffer> {
  const db = openDatabase(':memory:');
  try {
    migrateDatabase(db);
    await seedStandards(db);
    if (withDemo) await seedDemo(db);
    return db.$client.serialize();
  } finally {
    db.$client.close();
  }
}

/** Writes a migrated, seeded database to `path` (which must not exist yet), as the app would have made it. */
export async function writeTemplateDatabase(path: string, withDemo: boolean): Promise<void> {
  let image = images.get(withDemo);
  if (!image) {
    image = makeImage(withDemo);
    images.set(withDemo, image);
    image.catch(() => images.delete(withDemo));
  }
  writePrivateFile(path, await image);
}
