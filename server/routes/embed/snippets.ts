import { BADGE_WIDTH } from './badge-svg.js';
import { escapeHtml } from '../../html/html.js';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import { pagePath } from '../../../i18n/locales.js';

export const VARIANTS = ['card', 'chart', 'badge', 'compare'] as const;
export type Variant = (typeof VARIANTS)[number];

/** What a partner chose on /embed. */
export interface WidgetChoice {
  variant: Variant;
  /** A person's slug (all variants but compare). */
  subject: string;
  /** A standard's slug (badge). */
  standard: string;
  /** An election's slug (compare). */
  election: string;
  /** The widget's language; English needs no attribute. */
  lang: Language;
}

/** The box widths the partner kit gives heights for (a narrower box needs a taller one). */
export const WIDTH_BANDS = [
  { from: 240, to: 359 },
  { from: 360, to: 479 },
  { from: 480, to: null },
] as const;

/**
 * The height each variant needs in an iframe of each band's width, with the demo data's
 * longest names and three candidates (tests/browser/widget-layout.test.ts measures the iframe
 * page at every band's edges and fails if any of these is too small), for site builders
 * whose embed boxes never resize.
 */
export const FRAME_HEIGHTS_BY_WIDTH: Record<Variant, readonly [number, number, number]> = {
  // Measured (English / Spanish, the larger) plus about 10% for other systems' fonts.
  card: [1220, 940, 780], // 1103, 843, 706
  chart: [660, 760, 760], // 587, 677, 678
  badge: [380, 280, 240], // 338, 240, 203
  compare: [2200, 1880, 1180], // 1984, 1691, 1071 (three candidates)
};

/** The iframe snippet's height: the narrowest band's, so nothing is cut off in any column. */
export const FRAME_HEIGHTS: Record<Variant, number> = Object.fromEntries(
  Object.entries(FRAME_HEIGHTS_BY_WIDTH).map(([variant, heights]) => [variant, Math.max(...heights)]),
) as Record<Variant, number>;

/** The widget's attributes for a choice, in the order a partner would read them. */
export function widgetAttributes(choice: WidgetChoice): Array<[string, string]> {
  const attrs: Array<[string, string]> =
    choice.variant === 'compare'
      ? [
          ['variant', 'compare'],
          ['election', choice.election],
        ]
      : [['subject', choice.subject]];
  if (choice.variant !== 'card' && choice.variant !== 'compare') attrs.push(['variant', choice.variant]);
  if (choice.variant === 'badge') attrs.push(['standard', choice.standard]);
  if (choice.lang !== DEFAULT_LANGUAGE) attrs.push(['lang', choice.lang]);
  return attrs;
}

/** The path of the iframe page for a choice, relative to the site's origin. */
export function framePath(choice: WidgetChoice): string {
  const slug = choice.variant === 'compare' ? choice.election : choice.subject;
  const query = new URLSearchParams({ variant: choice.variant });
  if (choice.variant === 'badge') query.set('standard', choice.standard);
  if (choice.lang !== DEFAULT_LANGUAGE) query.set('lang', choice.lang);
  return `/embed/${encodeURIComponent(slug)}?${query}`;
}

/** The path of the image badge, or null for an election (an image shows one person). */
export function badgePath(choice: WidgetChoice): string | null {
  if (choice.variant === 'compare') return null;
  const query = new URLSearchParams();
  if (choice.variant === 'badge') query.set('standard', choice.standard);
  if (choice.lang !== DEFAULT_LANGUAGE) query.set('lang', choice.lang);
  const search = query.toString();
  return `/badge/${encodeURIComponent(choice.subject)}.svg${search ? `?${search}` : ''}`;
}

/** The page a widget links to, in its language: the person's scorecard or the election's comparison. */
export function fullPagePath(choice: WidgetChoice): string {
  const path =
    choice.variant === 'compare' ? `/elections/${encodeURIComponent(choice.election)}` : `/people/${encodeURIComponent(choice.subject)}`;
  return pagePath(choice.lang, path);
}

const attr = (name: string, value: string | number) => `${name}="${escapeHtml(String(value))}"`;

/**
 * The three snippets a partner can paste: script, iframe, image. No inline `style`
 * attributes: a partner page with a strict Content-Security-Policy would block them.
 */
export function snippets(origin: string, choice: WidgetChoice, title: string, imageAlt: string | null) {
  const element = widgetAttributes(choice)
    .map(([n, v]) => attr(n, v))
    .join(' ');
  const script = `<script type="module" src="${origin}/widget.js"></script>\n<da-scorecard ${element}></da-scorecard>`;
  const iframe =
    `<iframe ${attr('src', origin + framePath(choice))} ${attr('title', title)} width="100%" ` +
    `height="${FRAME_HEIGHTS[choice.variant]}" frameborder="0" loading="lazy"></iframe>\n` +
    `<!-- optional: lets the frame fit its content -->\n<script type="module" src="${origin}/widget-resize.js"></script>`;
  const badge = badgePath(choice);
  const image =
    badge && imageAlt
      ? `<a ${attr('href', origin + fullPagePath(choice))}><img ${attr('src', origin + badge)} ${attr('alt', imageAlt)} ` +
        `width="${BADGE_WIDTH}"></a>`
      : null;
  // Markdown (forums, READMEs): brackets in the alt text would end the link early.
  const markdown =
    badge && imageAlt ? `[![${imageAlt.replace(/[[\]\\]/g, '\\$&')}](${origin}${badge})](${origin}${fullPagePath(choice)})` : null;
  return { script, iframe, image, markdown };
}
