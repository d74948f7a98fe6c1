import { rmSync } from 'node:fs';
import { openDatabase } from '../db/connection.js';
import { migrateDatabase } from '../db/migrate.js';
import { seedStandards } from '../db/seed/index.js';

export interface LargeDatabase {
  path: string;
  /** The subject with exactly `heavyEntries` published entries. */
  heavySlug: string;
  subjects: number;
  entries: number;
}

/**
 * A database the size of many election cycles: `subjects` fictional people and `entries`
 * evidence entries (mostly published), each with one source. Written with raw prepared
 * statements in one transaction because drizzle's per-row overhead would dominate here.
 */
export async function buildLargeDatabase(path: string, subjects = 200, entries = 100_000, heavyEntries = 1_000): Promise<LargeDatabase> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const db = openDatabase(path);
  migrateDatabase(db);
  await seedStandards(db);
  const sqlite = db.$client;
  const kinds = ['action', 'data', 'statement'];
  const statuses = ['published', 'published', 'published', 'published', 'published', 'published', 'pending', 'rejected', 'retracted'];
  const insertSubject = sqlite.prepare(
    "insert into subjects (slug, name, role, office, demo, created_at, updated_at) values (?, ?, ?, 'Benchmark office', 1, ?, ?)",
  );
  const insertEvidence = sqlite.prepare(
    `insert into evidence (subject_id, standard_id, rating, kind, title, summary, occurred_on, status, demo, created_at, updated_at)
     values (?, ?, ?, ?, ?, 'Benchmark entry', ?, ?, 1, ?, ?)`,
  );
  const insertSource = sqlite.prepare(
    "insert into evidence_sources (evidence_id, position, url, title) values (?, 0, ?, 'Benchmark source')",
  );
  const now = new Date().toISOString();
  // A small deterministic generator so every run builds the same database.
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  sqlite.transaction(() => {
    for (let s = 1; s <= subjects; s++) {
      insertSubject.run(`bench-person-${s}`, `Benchmark Person ${s}`, s === 1 ? 'incumbent' : 'candidate', now, now);
    }
    for (let i = 0; i < entries; i++) {
      // The first `heavyEntries` all belong to subject 1 and are published.
      const heavy = i < heavyEntries;
      const subjectId = heavy ? 1 : 2 + Math.floor(next() * (subjects - 1));
      const status = heavy ? 'published' : statuses[Math.floor(next() * statuses.length)];
      const day = new Date(Date.UTC(2018, 0, 1) + Math.floor(next() * 3000) * 86_400_000).toISOString().slice(0, 10);
      const info = insertEvidence.run(
        subjectId,
        1 + Math.floor(next() * 10),
        Math.floor(next() * 5) - 2,
        kinds[Math.floor(next() * 3)],
        `Benchmark entry ${i}`,
        day,
        status,
        now,
        now,
      );
      insertSource.run(info.lastInsertRowid, `https://example.org/bench/${i}`);
    }
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
  return { path, heavySlug: 'bench-person-1', subjects, entries };
}
