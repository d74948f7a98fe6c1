import { expect, it } from 'vitest';
import { axeViolations } from './accessibility.js';
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
  await page.locator('.embed-kit__preview da-scorecard .standards').waitFor();
  // Fields for other variants are hidden until chosen.
  await expect.poll(() => page.locator('#standard').isVisible()).toBe(false);

  await page.locator('#variant-card').focus();
  await page.keyboard.press('ArrowDown'); // chart
  await page.keyboard.press('ArrowDown'); // one standard
  await expect.poll(() => page.locator('#standard').isVisible()).toBe(true);
  await page.locator('#standard').selectOption('kids');
  await page.locator('.embed-kit__preview da-scorecard[variant=badge][standard=kids] .standard-title').waitFor();
  expect(await page.locator('.embed-kit__preview da-scorecard .standard-title').textContent()).toContain('Treat Kids Like Kids');
  const script = await page.locator('#snippet-script').inputValue();
  expect(script).toBe(
    `<script type="module" src="${site.server.origin}/widget.js"></script>\n<da-scorecard subject="${AVERY}" variant="badge" standard="kids"></da-scorecard>`,
  );
  expect(page.url()).toContain('variant=badge');
  expect(await page.locator('.embed-kit__image img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(360);

  const copy = page.locator('button[data-copy=snippet-script]');
  await copy.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#copy-status').textContent()).toContain('copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
  expect(errors).toEqual([]);
  await context.close();
});

it('is axe-clean in English and Spanish, the preview widget included', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  for (const path of [`/embed?variant=card&subject=${AVERY}`, `/es/embed?variant=compare&width=284`]) {
    await page.goto(`${site.server.origin}${path}`);
    await page.locator('.embed-kit__preview da-scorecard [part~=footer]').waitFor();
    expect(await axeViolations(page), path).toEqual([]);
  }
  await context.close();
});

it('previews the widget at the chosen width', async () => {
  const context = await site.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/es/embed`);
  await page.locator('.embed-kit__preview da-scorecard .standards').waitFor();
  expect(await page.locator('.embed-kit__preview da-scorecard').evaluate((el) => el.getBoundingClientRect().width)).toBe(360);
  await page.locator('#width').selectOption('700');
  await page.locator('.embed-kit__preview[data-width="700"] da-scorecard .standards').waitFor();
  expect(await page.locator('.embed-kit__preview da-scorecard').evaluate((el) => el.getBoundingClientRect().width)).toBe(700);
  expect(await page.locator('button[data-copy=snippet-script]').textContent()).toBe('Copiar el código: script');
  await context.close();
});

it('works without JavaScript: the form reloads the page with the chosen snippets', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/embed`);
  await page.locator('#variant-compare').check();
  await page.locator('#update').click();
  await page.waitForURL(/variant=compare/);
  expect(await page.locator('#snippet-script').inputValue()).toContain(
    '<da-scorecard variant="compare" election="demo-2026-district-attorney">',
  );
  expect(await page.locator('#snippet-image').count()).toBe(0);
  await context.close();
});
