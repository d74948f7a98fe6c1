/**
 * The partner widget's cost: its size as sent (raw, gzip, brotli) and the time from the
 * partner page starting the script to a rendered card, in Debian's Chromium on loopback.
 * Writes the "Widget" section of bench/RESULTS.md (and nothing else in that file).
 *
 * Run: npm run bench:widget
 */
import { writeResultsSection } from './results-file.js';
import { readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { launchBrowser } from '../tests/browser/chromium.js';
import { PARTNER_NONCE, partnerPage, startPartnerSite } from '../tests/browser/third-party-site.js';
import { startTestServer } from '../tests/helper.js';
import { bundleSize, kb } from '../tests/widget/bundle-size.js';
import { DEFAULT_WIDGET_DIST } from '../server/plugins/widget-assets.js';

const RUNS = 20;
const TARGET_MS = 300;

const server = await startTestServer();
const browser = await launchBrowser();
// The clock starts in the partner's own inline script, just before the widget's script tag.
// "Rendered" stops when the widget announces its card is in the DOM; "painted" at the next
// animation frame, which also counts how soon a fresh page's first frame comes (the browser's).
const page = partnerPage(`<script nonce="${PARTNER_NONCE}">
  window.__start = performance.now();
  addEventListener('da-scorecard-ready', () => {
    window.__ready = performance.now();
    requestAnimationFrame(() => { window.__rendered = performance.now(); });
  });
</script>
<script type="module" src="${server.origin}/widget.js"></script>
<div class="slot"><da-scorecard subject="demo-avery-placeholder"></da-scorecard></div>`);
const partner = await startPartnerSite(server.origin, { '/': page });

interface Timing {
  rendered: number;
  painted: number;
}

async function timeRender(context: Awaited<ReturnType<typeof browser.newContext>>): Promise<Timing> {
  const tab = await context.newPage();
  await tab.goto(`${partner.origin}/`);
  await tab.waitForFunction(() => (window as unknown as { __rendered?: number }).__rendered !== undefined, null, { timeout: 10_000 });
  const timing = await tab.evaluate(() => {
    const w = window as unknown as { __start: number; __ready: number; __rendered: number };
    return { rendered: w.__ready - w.__start, painted: w.__rendered - w.__start };
  });
  await tab.close();
  return timing;
}

const summary = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
};

try {
  // Warm Chromium itself up once so the first measured run is not the browser's own start.
  const warmup = await browser.newContext();
  await timeRender(warmup);
  await warmup.close();

  const cold: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext(); // empty HTTP cache: widget.js is downloaded
    cold.push(await timeRender(context));
    await context.close();
  }
  const cached = await browser.newContext();
  const warm: Timing[] = [];
  await timeRender(cached);
  for (let i = 0; i < RUNS; i++) warm.push(await timeRender(cached));
  await cached.close();

  const widget = bundleSize('widget.js');
  const chartFile = readdirSync(DEFAULT_WIDGET_DIST).find((f) => f.startsWith('widget-chunk-radar-chart-'));
  const chart = chartFile ? bundleSize(chartFile) : null;
  const row = (name: string, runs: Timing[]) => {
    const r = summary(runs.map((t) => t.rendered));
    const p = summary(runs.map((t) => t.painted));
    return `| ${name} | ${fmt(r.median)} | ${fmt(r.p95)} | ${fmt(p.median)} | ${fmt(p.p95)} | ${fmt(p.max)} |`;
  };
  const coldRendered = summary(cold.map((t) => t.rendered));
  const coldPainted = summary(cold.map((t) => t.painted));
  const fmt = (n: number) => n.toFixed(0);
  const verdict = (ms: number) => (ms < TARGET_MS ? `under the ${TARGET_MS} ms target` : `OVER the ${TARGET_MS} ms target`);
  const load = loadavg()[0].toFixed(1);

  const section = `
## Widget

Reproduce: \`npm run bench:widget\` (about half a minute).
Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${cpus().length} cores, Node ${process.version}, Debian Chromium (headless) on loopback.

Size as sent (\`dist/widget/\`, gzip level 9, brotli quality 11); the size test fails above 15 KB gzip for \`widget.js\`:

| file | raw | gzip | brotli |
|---|---|---|---|
| \`widget.js\` (Lit included; card, badge, compare) | ${kb(widget.raw)} | ${kb(widget.gzip)} | ${kb(widget.brotli)} |
${chart ? `| \`${chartFile}\` (chart.js, loaded only by \`variant="chart"\`) | ${kb(chart.raw)} | ${kb(chart.gzip)} | ${kb(chart.brotli)} |\n` : ''}
Time from the partner page's inline script just before \`<script type="module" src=".../widget.js">\` to the card
rendered (the \`da-scorecard-ready\` event: fetched, scored grades in the DOM) and to the next painted frame
(\`requestAnimationFrame\` after it), ${RUNS} runs each, partner page and scorecard site on two loopback origins (the
widget fetches the scorecard cross-origin), the server as \`startTestServer()\` builds it:

| case | rendered median ms | rendered p95 ms | painted median ms | painted p95 ms | painted max ms |
|---|---|---|---|---|---|
${row('cold: new browser context, empty HTTP cache', cold)}
${row('warm: `widget.js` from the HTTP cache', warm)}

Cold, to a painted card: the median is ${verdict(coldPainted.median)}, the p95 ${verdict(coldPainted.p95)}
(rendered: median ${fmt(coldRendered.median)} ms, p95 ${fmt(coldRendered.p95)} ms). The machine's 1-minute load average was
${load} at the end of the run (other work shares its ${cpus().length} cores), which is what the slow tail mostly measures. Loopback leaves out network latency: on a real connection add the round trips for
\`widget.js\` (one) and the scorecard JSON (one, after the script runs).
`;

  writeResultsSection('widget', section);
  console.log(section);
} finally {
  await browser.close();
  await partner.close();
  await server.close();
}
