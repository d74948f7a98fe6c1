import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidence } from '../../db/schema/index.js';
import { inTransaction } from '../../db/unit-of-work.js';
import { recordAudit } from '../../server/repositories/audit.js';
import { buildTestApp, createSignedInUser, evidenceBody, type TestApp, type TestUser } from '../helper.js';

// Units of work on SQLite (db/unit-of-work.ts): one connection, so concurrent requests must never
// share an open transaction. These tests hold a unit open on purpose and run other work meanwhile.
let t: TestApp;
let volunteer: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
  reviewer = await createSignedInUser(t, 'reviewer');
});
afterAll(() => t.close());

const count = (sql: string, ...params: unknown[]) =>
  t.app.db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** A unit of work that writes, stays open until `release()`, then fails and rolls back. */
function doomedUnit(write: Parameters<typeof inTransaction>[1]) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = inTransaction(t.app.db, async (tx) => {
    await write(tx);
    await gate;
    throw new Error('doomed on purpose');
  });
  return { done, release };
}

/** Lets every pending callback and I/O turn run, so queued work goes as far as it can. */
const turns = async (n = 5) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('units of work on one SQLite connection', () => {
  it('keeps a publish, its revision and its audit entry when a concurrent unit fails and rolls back', async () => {
    const entry = await t.app.repositories.evidenceWorkspace.create(
      evidenceBody({ title: 'Demo: survives a rollback' }) as never,
      volunteer,
    );
    const doomed = doomedUnit(async (tx) => {
      await recordAudit(tx, { actor: null, action: 'test.doomed', entityType: 'test', entityId: null });
    });
    // Started while the doomed unit holds the connection inside BEGIN … (not yet) ROLLBACK.
    const publishing = t.app.repositories.evidenceWorkspace.review(entry.id, 'publish', undefined, entry.revision, reviewer);
    await turns();
    doomed.release();
    await expect(doomed.done).rejects.toThrow('doomed on purpose');
    const published = await publishing;

    expect(published.status).toBe('published');
    expect(count('select status from evidence where id = ?', entry.id) as unknown).toBe('published');
    expect(count("select count(*) from evidence_revisions where evidence_id = ? and action = 'publish'", entry.id)).toBe(1);
    expect(count("select count(*) from audit_log where action = 'evidence.publish' and entity_id = ?", String(entry.id))).toBe(1);
    expect(count("select count(*) from audit_log where action = 'test.doomed'")).toBe(0);
    expect(t.app.db.$client.inTransaction).toBe(false);
  });

  it('rolls back every write of a failed unit: the change, its revision and its audit entry', async () => {
    const entry = await t.app.repositories.evidenceWorkspace.create(evidenceBody({ title: 'Demo: all or nothing' }) as never, volunteer);
    const revisions = count('select count(*) from evidence_revisions where evidence_id = ?', entry.id);
    const audits = count('select count(*) from audit_log');
    await expect(
      inTransaction(t.app.db, async (tx) => {
        const before = await t.app.repositories.evidenceWorkspace.findOr404(entry.id, tx);
        await t.app.repositories.evidenceWorkspace.change(tx, before, 'publish', reviewer, {}, { status: 'published' });
        throw new Error('fails after writing');
      }),
    ).rejects.toThrow('fails after writing');
    expect(count('select status from evidence where id = ?', entry.id) as unknown).toBe('pending');
    expect(count('select count(*) from evidence_revisions where evidence_id = ?', entry.id)).toBe(revisions);
    expect(count('select count(*) from audit_log')).toBe(audits);
  });

  it('never leaves a cache holding rows that were rolled back', async () => {
    const entry = await t.app.repositories.evidenceWorkspace.create(
      evidenceBody({ subject: 'demo-riley-example', title: 'Demo: seen, then rolled back' }) as never,
      volunteer,
    );
    const scorecard = async () =>
      (await t.app.inject({ url: '/api/subjects/demo-riley-example/scorecard' })).json().evidenceCount as number;
    const before = await scorecard();
    const doomed = doomedUnit(async (tx) => {
      await tx.update(evidence).set({ status: 'published' }).where(eq(evidence.id, entry.id));
    });
    await turns();
    // A read while the unit is open sees its uncommitted row (one connection) and caches the answer.
    const during = await scorecard();
    expect(during).toBe(before + 1);
    doomed.release();
    await expect(doomed.done).rejects.toThrow('doomed on purpose');
    expect(await scorecard()).toBe(before);
  });

  it('joins the caller’s unit when given one, and refuses a unit used after it ended', async () => {
    let leaked: Parameters<Parameters<typeof inTransaction>[1]>[0] | undefined;
    const inner = await inTransaction(t.app.db, async (tx) => {
      leaked = tx;
      return inTransaction(tx, async (same) => same === tx);
    });
    expect(inner).toBe(true);
    expect(() => leaked!.select().from(evidence)).toThrow(/after it ended/);
  });
});
