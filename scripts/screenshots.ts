// Saves phone (360 px) and desktop screenshots of every public page, on fresh demo data,
// into screenshots/ (git-ignored) so a reviewer can look at the design. `npm run screenshots`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/browser/chromium.js';
import { startTestServer } from '../tests/helper.js';

const PAGES: Array<[name: string, path: string]> = [
  ['home', '/'],
  ['person', '/people/demo-avery-placeholder'],
  ['person-priorities', '/people/demo-avery-placeholder?w=equity:3,kids:3,bias:0'],
  ['person-thin', '/people/demo-riley-example'],
  ['election', '/elections/demo-2026-district-attorney'],
  ['standard', '/standards/kids'],
  ['methodology', '/methodology'],
  ['events', '/events'],
  ['not-found', '/no-such-page'],
];

const VIEWPORTS = [
  { name: 'phone', width: 360, height: 780, deviceScaleFactor: 2 },
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1 },
];

/** Charts draw when they come near the screen: scroll down the page once, then back up. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

const outDir = join(process.cwd(), 'screenshots');
mkdirSync(outDir, { recursive: true });
const server = await startTestServer();
const browser = await launchBrowser();
try {
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: viewport.deviceScaleFactor });
    const page = await context.newPage();
    for (const [name, path] of PAGES) {
      await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
      await scrollThrough(page);
      const file = join(outDir, `${name}-${viewport.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${server.origin}/elections/demo-2026-district-attorney`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(outDir, `election-print-${viewport.name}.png`), fullPage: true });
    await context.close();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/elections/demo-2026-district-attorney`, { waitUntil: 'networkidle' });
  await page.pdf({ path: join(outDir, 'election-voter-guide.pdf'), format: 'Letter' });
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
