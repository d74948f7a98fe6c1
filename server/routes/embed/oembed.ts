import { escapeHtml } from '../../html/html.js';
import { localeFromPath } from '../../../i18n/locales.js';
import { DEFAULT_LANGUAGE, type Language } from '../../i18n/language.js';
import { FRAME_HEIGHTS_BY_WIDTH, framePath, WIDTH_BANDS, type Variant, type WidgetChoice } from './snippets.js';

/** The widths an oEmbed iframe takes unless the consumer asks for less. */
const DEFAULT_WIDTH: Record<Variant, number> = { card: 420, chart: 420, badge: 420, compare: 560 };

/** The page an oEmbed URL names, when it is one this site can embed. */
export interface EmbeddablePage {
  /** An evidence page embeds the grade it counts toward: its person's badge for its standard. */
  kind: 'person' | 'election' | 'evidence';
  slug: string;
  lang: Language;
}

/**
 * Reads a pasted page URL: `/people/:slug`, `/elections/:slug` and `/evidence/:id`, with or without a language
 * prefix (`/es/...`), on this site's host only. Query and fragment (a weighting) are ignored.
 */
export function embeddablePage(url: string, host: string): EmbeddablePage | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.host !== host) return null;
  const lang = localeFromPath(parsed.pathname) as Language;
  const path = lang === DEFAULT_LANGUAGE ? parsed.pathname : parsed.pathname.slice(lang.length + 1);
  const match = /^\/(people|elections|evidence)\/([a-z0-9-]+)\/?$/.exec(path);
  if (!match) return null;
  const kind = match[1] === 'people' ? 'person' : match[1] === 'elections' ? 'election' : 'evidence';
  if (kind === 'evidence' && !/^[1-9]\d{0,15}$/.test(match[2])) return null;
  return { kind, slug: match[2], lang };
}

/** The height a variant needs at a width (the narrowest band below 240 px). */
export function frameHeight(variant: Variant, width: number): number {
  const band = WIDTH_BANDS.findIndex((b) => b.to === null || width <= b.to);
  return FRAME_HEIGHTS_BY_WIDTH[variant][band];
}

/** The oEmbed "rich" answer: the iframe widget, sized within the consumer's limits. */
export function oembedResponse(
  origin: string,
  choice: WidgetChoice,
  title: string,
  provider: { name: string; url: string },
  limits: { maxwidth?: number; maxheight?: number },
) {
  const width = Math.min(DEFAULT_WIDTH[choice.variant], limits.maxwidth ?? Infinity);
  const height = Math.min(frameHeight(choice.variant, width), limits.maxheight ?? Infinity);
  const html =
    `<iframe src="${escapeHtml(origin + framePath(choice))}" title="${escapeHtml(title)}" width="${width}" height="${height}" ` +
    `frameborder="0" loading="lazy"></iframe>`;
  return {
    version: '1.0' as const,
    type: 'rich' as const,
    html,
    width,
    height,
    title,
    provider_name: provider.name,
    provider_url: provider.url,
  };
}
