import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchEngine, ENGINE_NAMES, type EngineKey } from './engine.js';

const RESULTS = join(import.meta.dirname, 'RESULTS.md');
/** The figures the side-by-side table shows, per engine, kept between runs (each run updates its own engine's). */
const FIGURES = join(import.meta.dirname, 'engines.json');

/**
 * Replaces one benchmark's section of bench/RESULTS.md (between its markers), leaving the
 * other benchmarks' sections as they are.
 *
 * A run on PostgreSQL writes its own section (`<name>-postgres`, its heading marked
 * "(PostgreSQL)", placed after the SQLite one the first time) so it never overwrites the SQLite
 * figures, and the reverse; SQLite keeps the section names it has always had.
 */
export function writeResultsSection(name: string, markdown: string, engine: EngineKey = benchEngine): void {
  const section = engine === 'sqlite' ? name : `${name}-${engine}`;
  const labelled = markdown.trim().replace(/^(#{2,3} .+)$/m, `$1 (${ENGINE_NAMES[engine]})`);
  replaceSection(section, labelled, engine === 'sqlite' ? undefined : name);
}

/** One row of the side-by-side table: its label and, per engine, the figure and when it was measured. */
export interface EngineFigure {
  value: string;
  measured: string;
}
type Figures = Record<string, Partial<Record<EngineKey, EngineFigure>>>;

/** The rows of the side-by-side table, in order; a bench records the ones it measures. */
export const COMPARED = {
  scorecardRatio: 'GET /api/subjects/:slug/scorecard ÷ bare hello-world requests/s (both in one run; goal ≥ 0.5)',
  scorecardRps: 'GET /api/subjects/:slug/scorecard requests/s (10 connections)',
  uncached: 'uncached scorecard, subject with 1,000 entries, in the bench process (median / p99 of 500)',
  startup: 'server start-up on 100,000 entries, spawn to first /healthz answer',
  loadRps: 'load, one instance, 200 connections + a writer: requests/s',
  loadP99: 'load, one instance: latency p50 / p99',
  instancesRps: 'load with writes across two instances: requests/s (both together)',
  instancesLatency: 'two instances: latency p50 / p99 (worst instance)',
  instancesErrors: 'two instances: errors (connection, timeouts, non-2xx)',
  instancesWrites: 'two instances: entries published on the first while the readers ran',
  instancesPropagation: "two instances: publish answered on the first → the other's cached scorecard shows it (median / p99 / max)",
  instancesStale: 'two instances: entries the other instance had not shown within 10 s',
} as const;
export type ComparedRow = keyof typeof COMPARED;

/**
 * Records this run's figures for the side-by-side table (bench/engines.json) and rewrites the
 * table's section of bench/RESULTS.md with every engine's latest figures.
 */
export function recordEngineFigures(figures: Partial<Record<ComparedRow, string>>, engine: EngineKey = benchEngine): void {
  const stored: Figures = existsSync(FIGURES) ? (JSON.parse(readFileSync(FIGURES, 'utf8')) as Figures) : {};
  const measured = new Date().toISOString().slice(0, 16).replace('T', ' ');
  for (const [row, value] of Object.entries(figures)) {
    if (value !== undefined) stored[row] = { ...stored[row], [engine]: { value, measured } };
  }
  writeFileSync(FIGURES, `${JSON.stringify(stored, null, 2)}\n`);

  const engines = Object.keys(ENGINE_NAMES) as EngineKey[];
  const dates = Object.values(stored).flatMap((byEngine) => Object.values(byEngine).map((f) => f!.measured));
  const days = [...new Set(dates.map((d) => d.slice(0, 10)))].sort();
  const cell = (f: EngineFigure | undefined) => (f ? f.value : 'not measured');
  const rows = (Object.keys(COMPARED) as ComparedRow[])
    .filter((row) => stored[row])
    .map((row) => `| ${COMPARED[row]} | ${engines.map((e) => cell(stored[row]![e])).join(' | ')} |`);
  const runs = engines.map((e) => {
    const when = [...new Set(Object.values(stored).flatMap((byEngine) => (byEngine[e] ? [byEngine[e]!.measured] : [])))].sort();
    return when.length ? `${ENGINE_NAMES[e]}: ${when.join(', ')} UTC` : `${ENGINE_NAMES[e]}: not yet`;
  });
  replaceSection(
    'engines',
    `## SQLite and PostgreSQL side by side (${days.join(', ')})

Reproduce: \`npm run bench\` and \`npm run bench:load\`, then the same with
\`DATABASE_URL=postgres://…\` (see the README's "Benchmarks"); each run updates its own engine's
column (kept in \`bench/engines.json\`). Runs: ${runs.join('; ')}.

The machine (2 cores) was shared with other work while these ran, so absolute figures are noisy
and move from run to run; each ratio is measured within one run (the two routes it compares in
interleaved rounds against the same server), which is why it is the figure to compare. Both
engines are measured on the same rows: the benchmarks build an SQLite file and, on PostgreSQL,
copy it into a database of their own (PostgreSQL 15 on the same machine, over loopback).

| measure | ${engines.map((e) => ENGINE_NAMES[e]).join(' | ')} |
|---|${engines.map(() => '---|').join('')}
${rows.join('\n')}`,
  );
}

function replaceSection(name: string, markdown: string, after?: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = existsSync(RESULTS)
    ? readFileSync(RESULTS, 'utf8')
    : "# Benchmark results\n\nMeasured on this project's machine (2 cores, loopback only). Each section says how to reproduce it.\n";
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const anchor = after ? `<!-- ${after}:end -->` : undefined;
  let next: string;
  if (pattern.test(current)) next = current.replace(pattern, () => block);
  else if (anchor && current.includes(anchor)) next = current.replace(anchor, () => `${anchor}\n\n${block}`);
  else next = `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, next);
}
