import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's minified build, read once per worker. The same rules and engine as `axe.source`
 * (the package's unminified axe.js), at 0.65 MB instead of 1.5 MB: every injection travels as
 * one message through Playwright's connection and Chromium's DevTools protocol, and that
 * transfer, not axe's own work, was most of an injection's time.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts axe-core in the page unless this document already has it (a second check of the same
 * page after an interaction). Evaluated directly: pages' CSPs block injected <script> tags.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object')) return;
  await page.evaluate(AXE_SOURCE);
}

/**
 * axe-core's serious and critical findings in `selector` (shadow roots included), as
 * "rule: targets" lines.
 */
export async function seriousAccessibilityProblems(page: Page, selector = 'html'): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async (context) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

/** Every axe-core violation on the page, whatever its impact, as "rule: help (targets)" lines. */
export async function axeViolations(page: Page, selector = 'html'): Promise<string[]> {
  await injectAxe(page);
  return page.evaluate(async (context) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, selector);
}
