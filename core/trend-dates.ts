/**
 * The days a trend is sampled at: the first evidence's own day (so the time axis starts
 * there), the end of each month after it, and `to`, thinned evenly to at most `max` points
 * (always keeping the first and the last), so a long record never turns into hundreds of
 * requests.
 */
export function trendDates(from: string, to: string, max = 18): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to) || from > to) return [];
  const days: string[] = [from];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    // Day 0 of the next month is the last day of this one.
    const end = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (end >= to) break;
    if (end > from) days.push(end);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  if (to > from) days.push(to);
  if (days.length <= max) return days;
  const step = (days.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => days[Math.round(i * step)]);
}
