import type { StandardWeights } from './method.js';

/**
 * "Your priorities": a voter's weight per standard, written in a page URL as
 * `?w=equity:2,kids:0` so a weighting can be shared. Pure, like method.ts: the server renders
 * a shared link with it and the browser updates the URL with it.
 */

export const WEIGHT_MIN = 0;
export const WEIGHT_MAX = 3;
/** The coalition's weighting: every standard counts the same. */
export const DEFAULT_WEIGHT = 1;

/**
 * Reads `w` leniently: unknown standards, malformed pairs and out-of-range weights are
 * ignored, because a hand-edited or outdated shared link should still open the page.
 */
export function parseWeights(param: string | null | undefined, slugs: readonly string[]): Record<string, number> {
  const weights: Record<string, number> = {};
  if (!param) return weights;
  for (const pair of param.split(',')) {
    const match = /^([a-z0-9-]+):(\d)$/.exec(pair.trim());
    if (!match) continue;
    const [, slug, digit] = match;
    const weight = Number(digit);
    if (slugs.includes(slug) && weight >= WEIGHT_MIN && weight <= WEIGHT_MAX) weights[slug] = weight;
  }
  return weights;
}

/** The `w` value for a weighting, in the standards' order, listing only non-default weights; '' for equal weights. */
export function formatWeights(weights: StandardWeights, slugs: readonly string[]): string {
  return slugs
    .filter((slug) => weights[slug] !== undefined && weights[slug] !== DEFAULT_WEIGHT)
    .map((slug) => `${slug}:${weights[slug]}`)
    .join(',');
}

export function isEqualWeighting(weights: StandardWeights): boolean {
  return Object.values(weights).every((w) => w === DEFAULT_WEIGHT);
}
