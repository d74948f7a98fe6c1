import { expect, it } from 'vitest';
import { seriousAccessibilityProblems } from './accessibility.js';
import { useTestSite } from './site.js';

const AVERY = 'demo-avery-placeholder';

const site = useTestSite();

it('lets a partner pick a standard with the keyboard, see it live, and copy the snippet', async () => {
  const context = await site.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.server.origin}/embed`);
  await page.locator('.preview da-scorecard .standards').waitFor();
  // Fields for other variants are hidden until chosen.
  await expect.poll(() => page.locator('#standard').isVisible()).toBe(false);

  await page.locator('#variant-card').focus();
  await page.keyboard.press('ArrowDown'); // chart
  await page.keyboard.press('ArrowDown'); // one standard
  await expect.poll(() => page.locator('#standard').isVisible()).toBe(true);
  await page.locator('#standard').selectOption('kids');
  await page.locator('.preview da-scorecard[variant=badge][standard=kids] .standard-title').waitFor();
  expect(await page.locator('.preview da-scorecard .standard-title').textContent()).toContain('Treat Kids Like Kids');
  const script = await page.locator('#snippet-script').inputValue();
  expect(script).toBe(
    `<script type="module" src="${site.server.origin}/widget.js"></script>\n<da-scorecard subject="${AVERY}" variant="badge" standard="kids"></da-scorecard>`,
  );
  expect(page.url()).toContain('variant=badge');
  expect(await page.locator('.image-preview img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);

  const copy = page.locator('button[data-copy=snippet-script]');
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#copy-status').textContent()).toContain('copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
  expect(errors).toEqual([]);
  await context.close();
});

it('has no serious accessibility problems, the preview widget included', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/embed?variant=card&subject=${AVERY}`);
  await page.locator('.preview da-scorecard .standards').waitFor();
  const violations = await seriousAccessibilityProblems(page);
  expect(violations).toEqual([]);
  await context.close();
});

it('works without JavaScript: the form reloads the page with the chosen snippets', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/embed`);
  await page.locator('#variant-compare').check();
  await page.locator('#update').click();
  await page.waitForURL(/variant=compare/);
  expect(await page.locator('#snippet-script').inputValue()).toContain('<da-scorecard variant="compare" election="demo-2026-district-attorney">');
  expect(await page.locator('#snippet-image').count()).toBe(0);
  await context.close();
});
