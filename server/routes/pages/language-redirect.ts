import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, isLocale, localePrefix, pagePath, type Locale } from '../../../i18n/locales.js';
import { negotiateLanguage } from '../../i18n/language.js';

/** Remembers the language a visitor chose with the language switch. */
export const LANGUAGE_COOKIE = 'lang';

/**
 * The first `lang` query parameter of a request URL, or null. The query is parsed only when it
 * could hold one (the name, or a percent-escape that might spell it): a shared link's
 * `fbclid` and `utm_*` never need it.
 */
export function chosenLanguage(url: string): string | null {
  const queryAt = url.indexOf('?');
  if (queryAt < 0 || (!url.includes('lang', queryAt) && !url.includes('%', queryAt))) return null;
  return new URLSearchParams(url.slice(queryAt + 1)).get('lang');
}

/**
 * The visitor's language, for the pages of one locale (registered inside them, so the hook
 * applies to those pages only): a `?lang=` from the language switch is remembered in a cookie;
 * on the unprefixed (English) pages, the remembered choice, else Accept-Language on a first
 * visit, sends a Spanish reader to the same page under /es. An /es/ URL is itself a choice,
 * so it is never redirected away from, and a shared link keeps working in either language.
 */
export default fp<{ locale: Locale }>(
  async (fastify, { locale }) => {
    // Callback style and no URL parsing unless the query might carry `lang`: this runs before
    // the page cache answers, on every page request of a crowd.
    fastify.addHook('onRequest', (request, reply, done) => {
      const redirectTo = (lang: Locale) => {
        const url = new URL(request.url, 'http://page.invalid');
        const path = url.pathname.slice(localePrefix(locale).length) || '/';
        url.searchParams.delete('lang');
        reply.header('cache-control', 'no-store').redirect(pagePath(lang, path) + url.search, 302);
      };
      const remember = (lang: Locale) =>
        reply.setCookie(LANGUAGE_COOKIE, lang, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });

      const chosen = chosenLanguage(request.url);
      if (isLocale(chosen)) {
        remember(chosen);
        return redirectTo(chosen); // to the clean URL of the page in the chosen language
      }
      const remembered = request.cookies[LANGUAGE_COOKIE];
      if (locale !== DEFAULT_LOCALE) {
        if (remembered !== locale) remember(locale);
        return done();
      }
      reply.header('vary', 'Accept-Language, Cookie');
      const wanted = isLocale(remembered) ? remembered : negotiateLanguage(undefined, request.headers['accept-language']);
      if (wanted !== locale) return redirectTo(wanted);
      done();
    });
  },
  // Not named: it is registered once per locale, each time inside that locale's pages.
  { fastify: '5.x' },
);
