import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_ENGINE, type TestApp } from '../../helper.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ seedDemo: false });
});
afterAll(() => t.close());

describe('GET /healthz', () => {
  it('answers 200 ok while the database takes writes, never cached', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  // SQLite only: it fills the SQLite file (max_page_count). PostgreSQL's storage-full answer is
  // its own error code, tested in tests/db (a full disk cannot be staged on the shared server).
  it.skipIf(TEST_ENGINE === 'postgres')(
    'answers 507 storage-full when the database can no longer grow, and ok again once it can',
    async () => {
      const sqlite = t.app.db.$client;
      const pages = sqlite.pragma('page_count', { simple: true }) as number;
      // SQLite refuses to grow past max_page_count exactly as on a full disk.
      sqlite.pragma(`max_page_count = ${pages}`);
      try {
        const res = await t.app.inject('/healthz');
        expect(res.statusCode).toBe(507);
        expect(res.json()).toEqual({ status: 'storage-full', database: 'storage-full' });
      } finally {
        sqlite.pragma('max_page_count = 1073741823');
      }
      expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    },
  );
  // A read-only database (503 `read-only`) needs a process that is not root: tests/server/faults.test.ts.
});
