// The web app's weight and Lighthouse scores, written to bench/RESULTS.md under "Web app".
// `npm run bench:webapp`. Lighthouse 12.8.2 runs through npx (it is not a project
// dependency: it adds about 150 MB and pins an old third-party-web) with Debian's Chromium.
import { writeResultsSection } from './results-file.js';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath, launchBrowser } from '../tests/browser/chromium.js';
import { startTestServer } from '../tests/helper.js';

const run = promisify(execFile);
const PAGE = '/people/demo-avery-placeholder';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

interface Resource {
  url: string;
  kind: 'html' | 'css' | 'js' | 'json' | 'other';
  gzip: number;
  raw: number;
}

const server = await startTestServer();
const origin = server.origin;

/** Every same-origin resource the page loads, first at load and then after scrolling through it. */
async function pageWeight(): Promise<{ initial: Resource[]; all: Resource[] }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(origin)) urls.push(r.url().slice(origin.length));
  });
  await page.goto(origin + PAGE, { waitUntil: 'networkidle' });
  const initialCount = urls.length;
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  await page.waitForLoadState('networkidle');
  await browser.close();
  const measure = async (url: string): Promise<Resource> => {
    const gz = await server.app.inject({ url, headers: { 'accept-encoding': 'gzip', accept: 'text/html' } });
    const plain = await server.app.inject({ url, headers: { accept: 'text/html' } });
    const type = String(plain.headers['content-type'] ?? '');
    const kind = type.includes('html')
      ? 'html'
      : type.includes('css')
        ? 'css'
        : type.includes('javascript')
          ? 'js'
          : type.includes('json')
            ? 'json'
            : 'other';
    // Small JSON answers are not compressed by the server; count what is actually sent.
    return { url, kind, gzip: gz.rawPayload.length, raw: plain.rawPayload.length };
  };
  const all = await Promise.all(urls.map(measure));
  return { initial: all.slice(0, initialCount), all };
}

interface LighthouseRun {
  scores: Record<string, number>;
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
}

/** One Lighthouse run; null when Lighthouse reports a runtime error (it asks to be run again). */
async function lighthouseOnce(preset: 'mobile' | 'desktop'): Promise<LighthouseRun | null> {
  const dir = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const out = join(dir, 'report.json');
  try {
    await run(
      'npx',
      [
        '--yes',
        'lighthouse@12.8.2',
        origin + PAGE,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        '--only-categories=performance,accessibility,best-practices,seo',
        // Chromium as root in a container; the default "--headless=new" flag loses the trace's navigation start here.
        '--chrome-flags=--headless --no-sandbox --disable-gpu --no-first-run',
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
      ],
      { env: { ...process.env, CHROME_PATH: chromiumPath() }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
    ).catch(() => undefined);
    if (!existsSync(out)) return null;
    const report = JSON.parse(readFileSync(out, 'utf8'));
    if (report.runtimeError) return null;
    const scores = Object.fromEntries(
      Object.entries(report.categories).map(([k, v]) => [k, Math.round((v as { score: number }).score * 100)]),
    );
    if (Object.values(scores).some((s) => Number.isNaN(s))) return null;
    const value = (id: string) => report.audits[id].numericValue as number;
    return {
      scores,
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      fcp: value('first-contentful-paint'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function lighthouse(preset: 'mobile' | 'desktop'): Promise<{ runs: LighthouseRun[]; failed: number }> {
  const runs: LighthouseRun[] = [];
  let failed = 0;
  while (runs.length < RUNS && failed < RUNS * 2) {
    const result = await lighthouseOnce(preset);
    if (result) runs.push(result);
    else failed++;
    console.log(`lighthouse ${preset}: ${result ? JSON.stringify(result.scores) : 'runtime error, retrying'}`);
  }
  return { runs, failed };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (label: string, list: Resource[]) =>
  `| ${label}, ${list.length} file${list.length === 1 ? '' : 's'} | ${kb(list.reduce((n, r) => n + r.gzip, 0))} | ${kb(list.reduce((n, r) => n + r.raw, 0))} |`;

try {
  const weight = await pageWeight();
  const lighthouseResults = { mobile: await lighthouse('mobile'), desktop: await lighthouse('desktop') };
  const chromium = (await run(chromiumPath(), ['--version']).catch(() => ({ stdout: 'unknown' }))).stdout.trim().split('\n').pop();

  const lines = [
    '## Web app',
    '',
    `Reproduce: \`npm run bench:webapp\` (a few minutes). Measured on ${new Date().toISOString().slice(0, 10)} (2 cores, loopback, demo data), page \`${PAGE}\`.`,
    '',
    '### Page weight of the scorecard page (gzip)',
    '',
    '| what | gzip | uncompressed |',
    '|---|---|---|',
    row(
      'HTML',
      weight.all.filter((r) => r.kind === 'html'),
    ),
    row(
      'CSS',
      weight.all.filter((r) => r.kind === 'css'),
    ),
    row(
      "the app's script (Lit, components, scoring method, UI strings)",
      weight.all.filter((r) => r.kind === 'js' && r.url.startsWith('/assets/app-')),
    ),
    row(
      'chart.js chunk and chart parts (loaded when a chart nears the screen)',
      weight.all.filter((r) => r.kind === 'js' && !r.url.startsWith('/assets/app-')),
    ),
    row(
      'trend history: scorecards at past dates (`?asOf=`, JSON)',
      weight.all.filter((r) => r.kind === 'json'),
    ),
    row('**total at load** (phone, 360 × 780: the radar is near the screen, the trend is not)', weight.initial),
    row('**total after scrolling through the page**', weight.all),
    '',
    'Browsers that accept Brotli get the scripts and stylesheet as pre-compressed `.br` files, a little smaller still.',
    '',
    `### Lighthouse 12.8.2 (${chromium}, median of ${RUNS} runs)`,
    '',
    '| preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | runs retried |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...(['mobile', 'desktop'] as const).map((preset) => {
      const { runs, failed } = lighthouseResults[preset];
      if (runs.length === 0)
        return `| ${preset} | could not run: every attempt ended in a Lighthouse runtime error | | | | | | | | ${failed} |`;
      const m = (f: (r: LighthouseRun) => number) => median(runs.map(f));
      return `| ${preset} | ${m((r) => r.scores.performance)} | ${m((r) => r.scores.accessibility)} | ${m((r) => r.scores['best-practices'])} | ${m((r) => r.scores.seo)} | ${(m((r) => r.fcp) / 1000).toFixed(1)} s | ${(m((r) => r.lcp) / 1000).toFixed(1)} s | ${Math.round(m((r) => r.tbt))} ms | ${m((r) => r.cls).toFixed(3)} | ${failed} |`;
    }),
    '',
    "Mobile is Lighthouse's default (simulated slow 4G, 4× CPU slowdown). Lighthouse 12.8.2 is older than this Chromium: with",
    '`--headless=new` it fails with NO_NAVSTART, so the script passes `--headless`; it still fails now and then and is retried.',
    'Scores move by a few points between runs on a shared 2-core machine.',
    '',
  ];
  const section = lines.join('\n').trimEnd();
  writeResultsSection('webapp', section);
  console.log(section);
} finally {
  await server.close();
}
