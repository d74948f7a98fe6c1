import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * axe-core's serious and critical findings in `selector` (shadow roots included), as
 * "rule: targets" lines. Evaluated directly: pages' CSPs block injected <script> tags.
 */
export async function seriousAccessibilityProblems(page: Page, selector = 'html'): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (context) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

/** Every axe-core violation on the page, whatever its impact, as "rule: help (targets)" lines. */
export async function axeViolations(page: Page, selector = 'html'): Promise<string[]> {
  await page.evaluate(axe.source);
  return page.evaluate(async (context) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  }, selector);
}
