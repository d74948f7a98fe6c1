/**
 * Submits and publishes evidence without end, as volunteers and reviewers would, for the load
 * benchmark and the crash tests. It prints `ack <id> <status>` once each write is committed
 * (stdout to a pipe is synchronous on Linux, so a line that was read was acknowledged) and
 * keeps going until it is stopped.
 *
 *   tsx bench/evidence-writer.ts --database PATH [--pause MS]
 *       writes through the app's database settings (WAL, synchronous=FULL), in its own process
 *   tsx bench/evidence-writer.ts --origin URL --volunteer EMAIL:PASSWORD --reviewer EMAIL:PASSWORD [--pause MS] [--observe URL]
 *       goes through the API: POST /api/evidence, then POST /api/evidence/:id/review
 *       With --observe (another instance on the same database), after each publish it asks that
 *       instance for the person's scorecard until the new entry is counted, and prints
 *       `seen <id> <ms>` (ms from the publish's answer), or `stale <id>` after 10 s.
 *
 * Every entry is marked demo and describes nobody real.
 */
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/connection.js';
import { evidence, evidenceKinds, evidenceSources, standards, subjects } from '../db/schema/index.js';

const { values: options } = parseArgs({
  options: {
    database: { type: 'string' },
    origin: { type: 'string' },
    volunteer: { type: 'string' },
    reviewer: { type: 'string' },
    pause: { type: 'string', default: '0' },
    observe: { type: 'string' },
  },
});
const pause = Number(options.pause);
let stopping = false;
process.on('SIGTERM', () => (stopping = true));
process.on('SIGINT', () => (stopping = true));

const ack = (id: number, status: string) => process.stdout.write(`ack ${id} ${status}\n`);
const pick = <T>(list: readonly T[], n: number) => list[n % list.length];

function entry(n: number, subject: string, standard: string) {
  return {
    subject,
    standard,
    rating: (n % 5) - 2,
    kind: pick(evidenceKinds, n),
    title: `Load test entry ${n} (demo)`,
    summary: 'Written by the load benchmark; fictional demo data about no real person or event.',
    occurredOn: `2025-${String((n % 12) + 1).padStart(2, '0')}-15`,
    sources: [{ url: `https://example.org/demo/load/${n}`, title: `Demo source ${n}`, publisher: 'Example News (demo)' }],
  };
}

async function writeToDatabase(path: string) {
  const db = openDatabase(path);
  const subjectRows = db.select({ id: subjects.id, slug: subjects.slug }).from(subjects).all();
  const standardRows = db.select({ id: standards.id, slug: standards.slug }).from(standards).all();
  if (!subjectRows.length) throw new Error('No subjects to write evidence about: seed the database first');
  for (let n = 1; !stopping; n++) {
    const subject = pick(subjectRows, n);
    const standard = pick(standardRows, n * 7);
    const { sources, subject: _s, standard: _t, ...fields } = entry(n, subject.slug, standard.slug);
    const id = db.transaction((tx) => {
      const row = tx
        .insert(evidence)
        .values({ ...fields, subjectId: subject.id, standardId: standard.id, status: 'pending', demo: true })
        .returning({ id: evidence.id })
        .get();
      tx.insert(evidenceSources)
        .values(sources.map((s, position) => ({ ...s, evidenceId: row.id, position })))
        .run();
      return row.id;
    });
    ack(id, 'pending');
    const now = new Date().toISOString();
    db.update(evidence).set({ status: 'published', reviewedAt: now, publishedAt: now, updatedAt: now }).where(eq(evidence.id, id)).run();
    ack(id, 'published');
    await sleep(pause);
  }
  db.$client.close();
}

async function signIn(origin: string, credentials: string): Promise<string> {
  const [email, ...rest] = credentials.split(':');
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: rest.join(':') }),
  });
  if (!res.ok) throw new Error(`Signing in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** How many entries the scorecard `origin` serves counts for `slug` (served from its cache when it can). */
async function countedOn(origin: string, slug: string): Promise<number> {
  const res = await fetch(`${origin}/api/subjects/${slug}/scorecard`);
  if (!res.ok) throw new Error(`GET ${origin}/api/subjects/${slug}/scorecard answered ${res.status}`);
  return ((await res.json()) as { evidenceCount: number }).evidenceCount;
}

/** Waits until `observer` counts more than `before` entries for `slug`; the time taken, or undefined after 10 s. */
async function propagation(observer: string, slug: string, before: number, since: number): Promise<number | undefined> {
  while (performance.now() - since < 10_000) {
    if ((await countedOn(observer, slug)) > before) return performance.now() - since;
    await sleep(2);
  }
  return undefined;
}

async function writeThroughApi(origin: string, volunteer: string, reviewer: string, observer?: string) {
  const [volunteerCookie, reviewerCookie] = [await signIn(origin, volunteer), await signIn(origin, reviewer)];
  const slugs = (await (await fetch(`${origin}/api/subjects`)).json()) as Array<{ slug: string }>;
  const standardSlugs = (await (await fetch(`${origin}/api/standards`)).json()) as Array<{ slug: string }>;
  const send = (path: string, cookie: string, body: unknown) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin },
      body: JSON.stringify(body),
    });
  for (let n = 1; !stopping; n++) {
    const slug = pick(slugs, n).slug;
    // The other instance's count before this entry (and its cache filled with it).
    const before = observer ? await countedOn(observer, slug) : 0;
    const created = await send('/api/evidence', volunteerCookie, entry(n, slug, pick(standardSlugs, n * 7).slug));
    if (created.status !== 201) {
      process.stderr.write(`fail submit ${created.status} ${await created.text()}\n`);
      await sleep(Math.max(pause, 100));
      continue;
    }
    const { id, revision } = (await created.json()) as { id: number; revision: number };
    ack(id, 'pending');
    // A review names the revision the reviewer read (issue 12): the one just created.
    const reviewed = await send(`/api/evidence/${id}/review`, reviewerCookie, { decision: 'publish', note: 'Load test (demo)', revision });
    if (reviewed.ok) {
      const answered = performance.now();
      ack(id, 'published');
      if (observer) {
        const ms = await propagation(observer, slug, before, answered);
        process.stdout.write(ms === undefined ? `stale ${id}\n` : `seen ${id} ${ms.toFixed(1)}\n`);
      }
    } else process.stderr.write(`fail review ${reviewed.status} ${await reviewed.text()}\n`);
    await sleep(pause);
  }
}

if (options.origin && options.volunteer && options.reviewer) {
  await writeThroughApi(options.origin, options.volunteer, options.reviewer, options.observe);
} else if (options.database) {
  await writeToDatabase(options.database);
} else {
  process.stderr.write('Usage: --database PATH, or --origin URL --volunteer EMAIL:PASSWORD --reviewer EMAIL:PASSWORD\n');
  process.exit(2);
}
