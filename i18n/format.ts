import type { Messages } from './catalog.js';

/**
 * Dates as voters read them. Calendar days (YYYY-MM-DD) are formatted in UTC so they never
 * shift by a day; event times are shown in Sacramento's time zone, where the events happen.
 */
export function formatDay(msg: Messages, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(msg.langTag, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A month, for chart axes: "Jan 2025". */
export function formatMonth(msg: Messages, day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(msg.langTag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatEventTime(msg: Messages, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(msg.langTag, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'America/Los_Angeles',
  }).format(date);
}

/** A list in the language's own way: "a, b and c". */
export function formatList(msg: Messages, items: string[]): string {
  return new Intl.ListFormat(msg.langTag, { style: 'long', type: 'conjunction' }).format(items);
}

/** A signed rating as printed next to its words: "+2", "0", "−1" (a true minus sign). */
export function signedRating(rating: number): string {
  return rating > 0 ? `+${rating}` : rating < 0 ? `−${-rating}` : '0';
}

/** Which weighting the overall grades use, in words: the page always says so. */
export function describeWeighting(msg: Messages, weights: Readonly<Record<string, number>>, slugs: readonly string[]): string {
  const changed = slugs.filter((slug) => weights[slug] !== undefined && weights[slug] !== 1);
  if (changed.length === 0) return msg.priorities.equal;
  return msg.priorities.custom(
    formatList(
      msg,
      changed.map((slug) => msg.priorities.customItem(msg.standardShort[slug] ?? slug, weights[slug])),
    ),
  );
}

/** Coverage, or why there is no overall grade. */
export function describeOverall(msg: Messages, overall: { coverage: number; reason: string | null }, minCoverage: number): string {
  if (overall.reason === 'insufficient-coverage') return msg.person.insufficient(minCoverage);
  if (overall.reason === 'no-weight') return msg.person.noWeight;
  return msg.person.coverage(overall.coverage, 10);
}
