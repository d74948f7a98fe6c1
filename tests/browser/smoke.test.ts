import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../helper.js';
import { launchBrowser, type TestBrowser } from './chromium.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let browser: TestBrowser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('Chromium reads the API the way a partner page would', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/api/docs/`);
  const title = await page.evaluate(async () => {
    const res = await fetch('/api/subjects/demo-avery-placeholder/scorecard');
    return (await res.json()).subject.name;
  });
  expect(title).toBe('Avery Placeholder (demo)');
  await context.close();
});
