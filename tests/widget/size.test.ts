import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_WIDGET_DIST } from '../../server/plugins/widget-assets.js';
import { bundleSize, kb } from './bundle-size.js';

/** The budget partners are promised: widget.js (Lit included) under 15 KB gzip. */
const BUDGET_GZIP = 15 * 1024;

it(`keeps widget.js under ${kb(BUDGET_GZIP)} gzip`, () => {
  const size = bundleSize('widget.js');
  console.log(`widget.js: ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli (budget ${kb(BUDGET_GZIP)} gzip)`);
  expect(size.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
});

it('keeps chart.js out of widget.js, in a chunk of its own', () => {
  const files = readdirSync(DEFAULT_WIDGET_DIST);
  const chart = files.filter((f) => f.startsWith('widget-chunk-radar-chart-'));
  expect(chart).toHaveLength(1);
  const widget = readFileSync(join(DEFAULT_WIDGET_DIST, 'widget.js'), 'utf8');
  // chart.js's registry and radar controller announce themselves by these ids.
  expect(readFileSync(join(DEFAULT_WIDGET_DIST, chart[0]), 'utf8')).toContain('radialLinear');
  expect(widget).not.toContain('radialLinear');
  // ...and loads it only from the chart variant, next to itself.
  expect(widget).toContain(`./${chart[0]}`);
  const size = bundleSize(chart[0]);
  console.log(`${chart[0]} (chart variant only): ${kb(size.raw)} raw, ${kb(size.gzip)} gzip, ${kb(size.brotli)} brotli`);
});

it('ships no server code or zod to partner pages', () => {
  const widget = readFileSync(join(DEFAULT_WIDGET_DIST, 'widget.js'), 'utf8');
  for (const marker of ['ZodError', 'drizzle', 'better-sqlite3', 'fastify']) expect(widget).not.toContain(marker);
});
