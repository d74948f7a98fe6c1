import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../server/app.js';
import type { AppConfig } from '../server/config.js';

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  databasePath: string;
  close(): Promise<void>;
}

/**
 * Builds the real app on a fresh database file in its own temporary folder. `extend` may add
 * test-only routes before the app is ready (e.g. a write for the storage-failure tests).
 */
export async function buildTestApp(
  overrides: Partial<AppConfig> = {},
  extend?: (app: FastifyInstance) => void,
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'scorecard-test-'));
  const databasePath = join(dir, 'scorecard.db');
  const config: AppConfig = {
    port: 0,
    host: '127.0.0.1',
    databasePath,
    seedDemo: true,
    production: false,
    logLevel: 'silent',
    trustProxy: false,
    ...overrides,
  };
  const app = await buildServer(config);
  extend?.(app);
  await app.ready();
  return {
    app,
    dir,
    databasePath,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the app on a fresh database and listens on a free loopback port, for browser tests. */
export async function startTestServer(overrides: Partial<AppConfig> = {}): Promise<TestApp & { origin: string }> {
  const t = await buildTestApp(overrides);
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, origin: address };
}
