import { describe, expect, it } from 'vitest';
import { trendDates } from '../../core/trend-dates.js';

describe('the days a trend is sampled at', () => {
  it('starts at the first evidence, then takes the end of every month up to the last day', () => {
    expect(trendDates('2025-01-15', '2025-04-10')).toEqual(['2025-01-15', '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-10']);
  });

  it('crosses years and leap days, and never repeats a day', () => {
    expect(trendDates('2023-12-01', '2024-03-01')).toEqual(['2023-12-01', '2023-12-31', '2024-01-31', '2024-02-29', '2024-03-01']);
    expect(trendDates('2024-01-31', '2024-02-29')).toEqual(['2024-01-31', '2024-02-29']);
    expect(trendDates('2024-02-10', '2024-02-10')).toEqual(['2024-02-10']);
  });

  it('thins a long record to at most `max` requests, keeping the first and last', () => {
    const days = trendDates('2010-01-01', '2026-11-25', 18);
    expect(days).toHaveLength(18);
    expect(days[0]).toBe('2010-01-01');
    expect(days.at(-1)).toBe('2026-11-25');
    expect([...days].sort()).toEqual(days);
  });

  it('gives nothing for a bad range', () => {
    expect(trendDates('2026-01-01', '2025-01-01')).toEqual([]);
    expect(trendDates('nope', '2025-01-01')).toEqual([]);
  });
});
