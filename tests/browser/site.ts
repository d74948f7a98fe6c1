import { afterAll, beforeAll } from 'vitest';
import type { AppConfig } from '../../server/config.js';
import { startTestServer } from '../helper.js';
import { launchBrowser, type TestBrowser } from './chromium.js';

export interface TestSite {
  server: Awaited<ReturnType<typeof startTestServer>>;
  browser: TestBrowser;
}

/**
 * The setup of a browser test file: the real app on a fresh database, listening on loopback,
 * and a headless Chromium; both closed after the file. Read `site.server` and `site.browser`
 * inside tests (they are set in beforeAll).
 */
export function useTestSite(overrides: Partial<AppConfig> = {}): TestSite {
  const site = {} as TestSite;
  beforeAll(async () => {
    site.server = await startTestServer(overrides);
    site.browser = await launchBrowser();
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
