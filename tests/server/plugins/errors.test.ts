import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../../../db/schema/index.js';
import { buildTestApp, type TestApp } from '../../helper.js';
import { dumpTables } from '../../database-dump.js';
import { expectErrorShape } from '../../error-shape.js';

let t: TestApp;
beforeAll(async () => {
  // A test-only write, standing in for any route that stores something.
  t = await buildTestApp({}, (app) => {
    app.post('/test/store-event', async (_request, reply) => {
      app.db
        .insert(events)
        .values({ title: 'x'.repeat(64_000), startsAt: '2030-01-01T00:00:00Z', place: 'Sacramento' })
        .run();
      return reply.code(201).send({ stored: true });
    });
  });
});
afterAll(() => t.close());

const store = () => t.app.inject({ method: 'POST', url: '/test/store-event', payload: {} });

describe('a database that cannot take writes', () => {
  it('answers a write on a full disk with 507 and a clear JSON error, stores nothing, and keeps reading', async () => {
    const sqlite = t.app.db.$client;
    const before = dumpTables(sqlite);
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    // SQLite reports SQLITE_FULL exactly as for a full disk once the file may not grow.
    sqlite.pragma(`max_page_count = ${pages}`);
    try {
      const res = await store();
      expect(res.statusCode).toBe(507);
      expectErrorShape(res);
      expect(res.json()).toMatchObject({ error: 'storage-full', message: expect.stringMatching(/disk is full.*nothing was saved/i) });
      expect(dumpTables(sqlite)).toEqual(before);
      expect((await t.app.inject('/api/subjects/demo-avery-placeholder/scorecard')).statusCode).toBe(200);
    } finally {
      sqlite.pragma('max_page_count = 1073741823');
    }
    expect((await store()).statusCode).toBe(201);
  });

  it('answers a write on a read-only database with 503 and a clear JSON error, and keeps reading', async () => {
    const sqlite = t.app.db.$client;
    const before = dumpTables(sqlite);
    // The same SQLITE_READONLY a 0444 file gives (tests/server/faults.test.ts does that for real).
    sqlite.pragma('query_only = ON');
    try {
      const res = await store();
      expect(res.statusCode).toBe(503);
      expectErrorShape(res);
      expect(res.json()).toMatchObject({ error: 'read-only', message: expect.stringMatching(/read-only.*nothing was saved/i) });
      expect(dumpTables(sqlite)).toEqual(before);
      expect((await t.app.inject('/api/elections/demo-2026-district-attorney')).statusCode).toBe(200);
    } finally {
      sqlite.pragma('query_only = OFF');
    }
  });
});
