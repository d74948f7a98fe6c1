import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RESULTS = join(import.meta.dirname, 'RESULTS.md');

/**
 * Replaces one benchmark's section of bench/RESULTS.md (between its markers), leaving the
 * other benchmarks' sections as they are.
 */
export function writeResultsSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = existsSync(RESULTS)
    ? readFileSync(RESULTS, 'utf8')
    : "# Benchmark results\n\nMeasured on this project's machine (2 cores, loopback only). Each section says how to reproduce it.\n";
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(RESULTS, pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`);
}
