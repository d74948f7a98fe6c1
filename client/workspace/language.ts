import { DEFAULT_LOCALE, isLocale, localeFromPath, localePrefix, pagePath, type Locale } from '../../i18n/locales.js';
import { api } from './api.js';

/**
 * The workspace's language in the browser. Screens write their links as plain `/workspace/...`
 * paths; `workspacePath` (or, for links drawn without it, `keepLinksInLanguage`) puts them in
 * the page's language, so a screen added in English needs nothing more to work under `/es`.
 */

/** The language of this page, from `<html lang>` (the server sets it from the URL). */
export function pageLocale(): Locale {
  const lang = document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** A workspace path in the page's language: `/workspace/import` is `/es/workspace/import` on a Spanish page. */
export function workspacePath(path: string, locale: Locale = pageLocale()): string {
  return pagePath(locale, path);
}

/** The current screen's path without its language prefix, with its query and fragment. */
export function currentScreen(): string {
  const prefix = localePrefix(localeFromPath(location.pathname));
  return (location.pathname.slice(prefix.length) || '/') + location.search + location.hash;
}

/**
 * Links written as `/workspace/...` follow the page's language when followed (click or middle
 * click), so no screen has to remember to prefix them; the server would redirect a signed-in
 * account to its language anyway, this saves the round trip and keeps a shared /es link in Spanish.
 */
export function keepLinksInLanguage(): void {
  const locale = pageLocale();
  if (locale === DEFAULT_LOCALE) return;
  const rewrite = (event: Event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href^="/workspace"]');
    const href = anchor?.getAttribute('href');
    if (anchor && href) anchor.setAttribute('href', pagePath(locale, href));
  };
  document.addEventListener('click', rewrite, true);
  document.addEventListener('auxclick', rewrite, true);
}

/**
 * The language switch: for a signed-in account it first saves the language as the account's
 * (the workspace follows the account), then opens the same screen, query included, in it.
 */
export function enhanceLanguageSwitch(signedIn: boolean): void {
  for (const anchor of document.querySelectorAll<HTMLAnchorElement>('a.lang-switch')) {
    anchor.addEventListener('click', async (event) => {
      const target = anchor.getAttribute('hreflang');
      if (!isLocale(target)) return;
      event.preventDefault();
      if (signedIn) await api('PATCH', '/api/auth/me', { language: target });
      const screen = new URL(currentScreen(), location.origin);
      screen.searchParams.delete('lang');
      location.assign(pagePath(target, screen.pathname) + screen.search + screen.hash);
    });
  }
}
