import { en, type Messages } from './en.js';
import { es } from './es.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.js';

export type { Messages } from './en.js';

/**
 * The one place UI strings come from. A translation is a new file typed `Messages` added
 * here and to LOCALES; neither the server's pages nor the components change.
 */
const CATALOGS: Record<Locale, Messages> = { en, es };

export function messagesFor(locale: string | null | undefined): Messages {
  return CATALOGS[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
