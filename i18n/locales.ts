/**
 * The languages the public pages are served in. English is served at the root; every other
 * locale under its own prefix (`/es/...`), so a page's path is the same in every language
 * after the prefix. Pure: both the server's pages and the browser components use it.
 */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: string | null | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** The URL prefix of a locale's pages: '' for the default, '/es' for Spanish. */
export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '' : `/${locale}`;
}

/** A page's path in a locale: pagePath('es', '/events') is '/es/events'. */
export function pagePath(locale: Locale, path: string): string {
  const prefix = localePrefix(locale);
  return prefix && path === '/' ? `${prefix}/` : `${prefix}${path}`;
}

/** The locale a page URL is in, from its first path segment. */
export function localeFromPath(path: string): Locale {
  const first = path.split('/')[1] ?? '';
  return isLocale(first) ? first : DEFAULT_LOCALE;
}
