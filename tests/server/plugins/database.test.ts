import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection.js';
import { evidence, standards, subjects } from '../../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('writes from another process', () => {
  it('reach the public scorecard soon (the server asks four times a second), though the server did not make them', async () => {
    const url = '/api/subjects/demo-riley-example/scorecard';
    const before = (await t.app.inject(url)).json();
    // Another connection, as the CLI or a second process would open it.
    const other = openDatabase(t.databasePath);
    const subject = other.select().from(subjects).where(eq(subjects.slug, 'demo-riley-example')).get()!;
    const standard = other.select().from(standards).where(eq(standards.slug, 'kids')).get()!;
    other
      .insert(evidence)
      .values({
        subjectId: subject.id,
        standardId: standard.id,
        rating: 2,
        kind: 'action',
        title: 'Demo: written by another process',
        summary: 'Fictional.',
        occurredOn: '2025-01-02',
        status: 'published',
        publishedAt: new Date().toISOString(),
        demo: true,
      })
      .run();
    other.$client.close();
    // The server asks SQLite at most four times a second; a loaded machine may take longer.
    await expect.poll(async () => (await t.app.inject(url)).json().evidenceCount, { timeout: 10_000 }).toBe(before.evidenceCount + 1);
  });
});
