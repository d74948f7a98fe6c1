import { expect, it } from 'vitest';
import { useTestSite } from './site.js';

const site = useTestSite();

it('Chromium reads the API the way a partner page would', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/api/docs/`);
  const title = await page.evaluate(async () => {
    const res = await fetch('/api/subjects/demo-avery-placeholder/scorecard');
    return (await res.json()).subject.name;
  });
  expect(title).toBe('Avery Placeholder (demo)');
  await context.close();
});
