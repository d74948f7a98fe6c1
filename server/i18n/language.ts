import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../i18n/locales.js';

/**
 * The languages the product speaks: the same list as the pages' locales, so the API and the
 * pages can never disagree. English is the default and the fallback for every text.
 */
export const LANGUAGES = LOCALES;
export type Language = Locale;
export const DEFAULT_LANGUAGE: Language = DEFAULT_LOCALE;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The `?lang=` query parameter shared by the localized read routes. */
export const langQuery = z
  .enum(LANGUAGES)
  .optional()
  .describe(
    'Language of the text: en (default) or es. Without it, Accept-Language decides; missing translations fall back to English field by field.',
  );

/**
 * The language to answer in: an explicit `?lang=` wins, then the first supported language
 * in Accept-Language by quality, then English.
 */
export function negotiateLanguage(explicit: string | undefined, acceptLanguage: string | undefined): Language {
  if (isLanguage(explicit)) return explicit;
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked.find((r) => isLanguage(r.primary))?.primary as Language | undefined) ?? DEFAULT_LANGUAGE;
}

/**
 * Picks a translated text or falls back to English, and says which language it is in, so a
 * page can mark mixed-language fragments with the right `lang` attribute.
 */
export function pickText<T>(lang: Language, translated: T | null | undefined, english: T): { text: T; lang: Language } {
  return lang !== DEFAULT_LANGUAGE && translated !== null && translated !== undefined
    ? { text: translated, lang }
    : { text: english, lang: DEFAULT_LANGUAGE };
}

/**
 * The language of this answer, from `?lang=` or Accept-Language; says so in Content-Language
 * and tells caches that the answer varies with Accept-Language.
 */
export function answerLanguage(
  request: { query: unknown; headers: Record<string, string | string[] | undefined> },
  reply: { header(name: string, value: string): unknown },
): Language {
  const explicit = (request.query as { lang?: string } | undefined)?.lang;
  const accept = request.headers['accept-language'];
  const lang = negotiateLanguage(explicit, Array.isArray(accept) ? accept[0] : accept);
  reply.header('content-language', lang);
  reply.header('vary', 'Origin, Accept-Language');
  return lang;
}
