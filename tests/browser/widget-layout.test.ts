import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRINGS } from '../../i18n/widget.js';
import type { ElectionDetail } from '../../server/schemas/elections.js';
import { FRAME_HEIGHTS_BY_WIDTH, VARIANTS, WIDTH_BANDS, type Variant } from '../../server/routes/embed/snippets.js';
import { PARTNER_NONCE, partnerPage, startPartnerSite } from './third-party-site.js';
import { usePublicPages, useTestSite } from './site.js';

const AVERY = 'demo-avery-placeholder';
const ELECTION = 'demo-2026-district-attorney';
const WIDTHS = [240, 284, 360, 700] as const;
const LANGS = ['en', 'es'] as const;
/** Browser tests wait for a loaded 2-core machine. */
const SLOW = 60_000;

const site = useTestSite({ pressure: { maxEventLoopDelay: 0, maxHeapUsedBytes: 0 } });
let partner: Awaited<ReturnType<typeof startPartnerSite>>;

/** A widget's attributes for a variant, with the demo data's longest names. */
const attributes = (variant: Variant, lang: string) =>
  ({
    card: `subject="${AVERY}"`,
    chart: `subject="${AVERY}" variant="chart"`,
    badge: `subject="${AVERY}" variant="badge" standard="immigrants"`,
    compare: `variant="compare" election="${ELECTION}"`,
  })[variant] + ` lang="${lang}"`;

/** The iframe page's widths at the edges of every band the partner kit gives a height for. */
const FRAME_WIDTHS = WIDTH_BANDS.flatMap((b) => (b.to === null ? [b.from, 1200] : [b.from, b.to]));

beforeAll(async () => {
  const o = site.server.origin;
  const require = createRequire(import.meta.url);
  const pym = readFileSync(require.resolve('pym.js/dist/pym.v1.min.js'), 'utf8');
  const slots = LANGS.flatMap((lang) =>
    WIDTHS.flatMap((w) =>
      VARIANTS.map((v) => `<div class="slot w${w}" id="${v}-${lang}-${w}"><da-scorecard ${attributes(v, lang)}></da-scorecard></div>`),
    ),
  );
  // One iframe page per variant and language, loaded at the narrowest edge; the test widens each
  // to the other edges (see 'fits within the height…').
  const frames = LANGS.flatMap((lang) =>
    VARIANTS.map((v) => {
      const slug = v === 'compare' ? ELECTION : AVERY;
      const query = new URLSearchParams({ variant: v, lang, ...(v === 'badge' ? { standard: 'immigrants' } : {}) });
      return `<iframe id="frame-${v}-${lang}" class="w${FRAME_WIDTHS[0]}" src="${o}/embed/${slug}?${query}" title="${v} ${lang}" height="100"></iframe>`;
    }),
  );
  const widthRules = [...new Set([...WIDTHS, ...FRAME_WIDTHS])].map((w) => `.w${w} { width: ${w}px; }`).join('\n');
  partner = await startPartnerSite(
    o,
    {
      '/widths': partnerPage(
        `<script type="module" src="${o}/widget.js"></script>\n${slots.join('\n')}`,
        `.slot { margin: 0 0 8px; } ${widthRules} da-scorecard { --da-scorecard-max-width: 100%; }`,
      ),
      '/heights': partnerPage(frames.join('\n'), `iframe { display: block; border: 0; } ${widthRules}`),
      '/errors': partnerPage(`<script type="module" src="${o}/widget.js"></script>
<div class="slot w284"><da-scorecard id="nobody" subject="nobody"></da-scorecard></div>
<div class="slot w284"><da-scorecard id="no-election" variant="compare" election="nothing" lang="es"></da-scorecard></div>
<div class="slot w284"><da-scorecard id="no-standard" subject="${AVERY}" variant="badge" standard="nothing"></da-scorecard></div>`),
      '/pym': partnerPage(
        `<div id="pym-card" class="w284"></div>
<script src="/pym.v1.min.js"></script>
<script nonce="${PARTNER_NONCE}">
  window.ampHeights = [];
  window.addEventListener('message', (e) => { if (e.data && e.data.sentinel === 'amp' && e.data.type === 'embed-size') window.ampHeights.push(e.data.height); });
  new pym.Parent('pym-card', '${o}/embed/${AVERY}?variant=card', {});
</script>`,
        widthRules,
      ),
    },
    { '/pym.v1.min.js': pym },
  );
});

afterAll(async () => {
  await partner?.close();
});

/** Pages kept for the file's next test (usePublicPages): nothing here counts requests or installs a clock. */
const newPage = usePublicPages(site);

async function open(path: string) {
  const { page, close } = await newPage({ width: 1400, height: 900 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(partner.origin + path);
  return { page, errors, close };
}

/**
 * What would make a widget unreadable in its column, measured inside its shadow root:
 * elements reaching past the host's edges, ellipsis styles, and words split across lines.
 * (Screen-reader-only text is clipped by design and skipped.)
 */
function layoutProblems(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((hosts) =>
    hosts.flatMap((host) => {
      const problems: string[] = [];
      const box = host.getBoundingClientRect();
      const root = host.shadowRoot!;
      const clipped = (el: Element) => {
        for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).clipPath !== 'none') return true;
        return false;
      };
      const name = (el: Element) => `${host.parentElement!.id} ${el.tagName.toLowerCase()}.${el.className}`;
      for (const el of root.querySelectorAll('*')) {
        if (clipped(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          problems.push(`${name(el)} overflows (${r.left}–${r.right} in ${box.left}–${box.right})`);
        if (getComputedStyle(el).textOverflow === 'ellipsis') problems.push(`${name(el)} has an ellipsis`);
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (clipped(parent) || node.textContent!.includes('…')) {
          if (node.textContent!.includes('…')) problems.push(`${name(parent)} shows “…”`);
          continue;
        }
        // A word may break after its own hyphen or slash ("Anti-/Bias"), never inside a run of letters.
        for (const match of node.textContent!.matchAll(/[^\s/-]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`${name(parent)}: “${match[0]}” is split across lines`);
        }
      }
      return problems;
    }),
  );
}

describe('widgets in a partner’s column', () => {
  it(
    'every variant reads whole at 240, 284, 360 and 700 px in English and Spanish; compare shows each candidate’s overall score and coverage, and what “–” means',
    async () => {
      const w = await open('/widths');
      const count = LANGS.length * WIDTHS.length * VARIANTS.length;
      await expect.poll(() => w.page.locator('da-scorecard [part~=footer]').count(), { timeout: SLOW }).toBe(count);
      await expect.poll(() => w.page.locator('da-scorecard canvas').count(), { timeout: SLOW }).toBe(LANGS.length * WIDTHS.length);
      expect(await layoutProblems(w.page, 'da-scorecard')).toEqual([]);

      // Full standard names, in the widget's language, never shortened.
      const standards = (await (await fetch(`${site.server.origin}/api/subjects/${AVERY}/scorecard?lang=es`)).json()).standards as Array<{
        number: number;
        title: string;
      }>;
      const labels = await w.page.locator('#card-es-240 da-scorecard .label').allTextContents();
      expect(labels).toEqual(standards.map((s) => `${s.number}. ${s.title}`));

      // The 700 px compare widget, on the same load of the 32 widgets.
      const election = (await (await fetch(`${site.server.origin}/api/elections/${ELECTION}`)).json()) as ElectionDetail;
      const compare = w.page.locator('#compare-en-700 da-scorecard');
      await compare.locator('.candidates').waitFor({ timeout: SLOW });
      const rows = await compare.locator('.candidates li').allTextContents();
      const en = STRINGS.en;
      election.candidates.forEach((c, i) => {
        const o = c.scorecard.overall;
        expect(rows[i].replace(/\s+/g, ' ')).toContain(c.name);
        expect(rows[i].replace(/\s+/g, ' ')).toContain(
          `${o.score === null ? en.notEnoughEvidence : en.score(o.score)} · ${en.coverage(o.coverage, c.scorecard.standards.length)}`,
        );
      });
      const anyDash = election.candidates.some(
        (c) => c.scorecard.overall.grade === null || c.scorecard.standards.some((s) => s.grade === null),
      );
      expect(anyDash).toBe(true); // the demo data has a standard without evidence: the key must show
      expect(await compare.locator('[part~=key]').textContent()).toBe(en.dashKey);
      // The coalition is named, and the methodology linked, in every widget.
      expect(await compare.locator('[part~=coalition]').textContent()).toMatch(/^By \S/);
      expect(await compare.locator('footer a').last().getAttribute('href')).toBe(`${site.server.origin}/methodology`);
      expect(w.errors).toEqual([]);
      await w.close();
    },
    SLOW * 2,
  );
});

describe('what a widget says when it cannot show a scorecard', () => {
  it(
    'names the unknown person, election or standard, with a link to the scorecard',
    async () => {
      const w = await open('/errors');
      const text = (id: string) => w.page.locator(`#${id} [part~=fallback]`).textContent();
      await w.page.locator('#nobody [part~=fallback]').waitFor({ timeout: SLOW });
      await w.page.locator('#no-standard [part~=fallback]').waitFor({ timeout: SLOW });
      await w.page.locator('#no-election [part~=fallback]').waitFor({ timeout: SLOW });
      expect(await text('nobody')).toContain(STRINGS.en.noSuchPerson('nobody'));
      expect(await text('no-election')).toContain(STRINGS.es.noSuchElection('nothing'));
      expect(await text('no-standard')).toContain(STRINGS.en.noSuchStandard('nothing'));
      expect(await w.page.locator('#nobody [part~=fallback] a').getAttribute('href')).toBe(`${site.server.origin}/`);
      expect(await text('nobody')).not.toContain(STRINGS.en.unreachable);
      await w.close();
    },
    SLOW,
  );

  it(
    'says the scorecard could not be reached only when the server is down',
    async () => {
      // A kept page: its route is taken off when the test ends (usePublicPages).
      const { page, close } = await newPage({ width: 1400, height: 900 });
      await page.route(`${site.server.origin}/api/**`, (route) => route.abort('connectionrefused'));
      await page.goto(`${partner.origin}/errors`);
      const fallback = page.locator('#nobody [part~=fallback]');
      await fallback.waitFor({ timeout: SLOW });
      expect(await fallback.textContent()).toContain(STRINGS.en.unreachable);
      expect(await page.locator('#no-election [part~=fallback]').textContent()).toContain(STRINGS.es.unreachable);
      await close();
    },
    SLOW,
  );
});

describe('the iframe page', () => {
  it(
    'resizes through a pym.js parent and announces its size to AMP',
    async () => {
      const w = await open('/pym');
      const frame = w.page.locator('#pym-card iframe');
      await frame.waitFor({ timeout: SLOW });
      await w.page.frameLocator('#pym-card iframe').locator('da-scorecard .standards').waitFor({ timeout: SLOW });
      // pym.js sizes its own iframe from the child's height messages.
      await expect.poll(async () => (await frame.boundingBox())?.height ?? 0, { timeout: SLOW }).toBeGreaterThan(400);
      const inner = await w.page
        .frameLocator('#pym-card iframe')
        .locator('html')
        .evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      await expect.poll(async () => Math.round((await frame.boundingBox())?.height ?? 0), { timeout: SLOW }).toBe(inner);
      await expect
        .poll(() => w.page.evaluate(() => (window as unknown as { ampHeights: number[] }).ampHeights.at(-1)), { timeout: SLOW })
        .toBe(inner);
      expect(w.errors).toEqual([]);
      await w.close();
    },
    SLOW,
  );

  it(
    'fits within the height the partner kit gives for a fixed box, at every band’s edges, in both languages',
    async () => {
      // Each iframe page is loaded once and widened from one band edge to the next, narrowest
      // first, instead of loaded again at each width (48 documents, most of this file's CPU):
      // its layout follows its width through CSS (media and container queries) and chart.js's
      // responsive resize, which redraws the radar chart at every resize as a new load would.
      const w = await open('/heights');
      const ids = LANGS.flatMap((lang) => VARIANTS.map((variant) => ({ lang, variant, id: `frame-${variant}-${lang}` })));
      const frames = new Map<string, Frame>();
      for (const { id } of ids) {
        await w.page.frameLocator(`#${id}`).locator('da-scorecard [part~=footer]').waitFor({ timeout: SLOW });
        frames.set(id, (await (await w.page.locator(`#${id}`).elementHandle())!.contentFrame())!);
      }
      // Chromium pauses rendering (and so chart.js's resize, run in an animation frame) in a
      // cross-origin frame out of view: the eight 100 px frames must all be on the screen.
      const bottoms = await w.page.locator('iframe').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().bottom));
      expect(Math.max(...bottoms)).toBeLessThanOrEqual(w.page.viewportSize()!.height);
      const measured: Record<string, number> = {};
      const tooSmall: string[] = [];
      for (const width of FRAME_WIDTHS) {
        await w.page.locator('iframe').evaluateAll((els, px) => els.forEach((el) => ((el as HTMLElement).style.width = `${px}px`)), width);
        for (const { lang, variant, id } of ids) {
          // Measured once the page has its new width, the widget no update pending, and its
          // chart (if any) redrawn at its box's new size.
          await frames.get(id)!.waitForFunction(resizedTo, width, { timeout: SLOW });
          const height = await frames.get(id)!.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          measured[`frame-${variant}-${lang}-${width}`] = height;
          const band = WIDTH_BANDS.findIndex((b) => b.to === null || width <= b.to);
          const given = FRAME_HEIGHTS_BY_WIDTH[variant][band];
          if (height > given) tooSmall.push(`${id}-${width}: needs ${height}, the kit says ${given}`);
        }
      }
      console.log('iframe heights (px):', JSON.stringify(measured));
      expect(tooSmall).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.close();
    },
    SLOW * 3,
  );
});

/** Runs in an iframe page: whether it has been laid out at `width` with nothing left to redraw. */
function resizedTo(width: number): boolean {
  if (window.innerWidth !== width) return false;
  const host = document.querySelector<HTMLElement & { isUpdatePending?: boolean }>('da-scorecard');
  if (!host?.shadowRoot || host.isUpdatePending !== false) return false;
  // chart.js sizes its canvas to its box (a square, at most 480 px) when it redraws.
  return [...host.shadowRoot.querySelectorAll('canvas')].every(
    (canvas) => Math.abs(canvas.getBoundingClientRect().width - canvas.parentElement!.getBoundingClientRect().width) < 1,
  );
}
