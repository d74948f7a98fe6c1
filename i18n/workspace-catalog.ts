import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.js';
import { workspaceEn } from './workspace-en.js';
import { workspaceEs } from './workspace-es.js';

export type WorkspaceMessages = typeof workspaceEn;

/**
 * A translation of the workspace: the English catalog's shape with every key optional
 * (functions and lists are translated whole). Optional on purpose: several people add English
 * workspace strings in parallel, and a string not yet translated must neither break the build
 * nor the screen. It shows in English, and tests/i18n/translations.test.ts fails naming its key,
 * so nothing untranslated reaches a release unnoticed.
 */
export type WorkspaceTranslation = Translation<WorkspaceMessages>;
type Translation<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? T
    : T extends object
      ? { [K in keyof T]?: Translation<T[K]> }
      : T;

/** The translation laid over the English, key by key, so a missing key reads in English. */
function overEnglish<T>(english: T, translation: NoInfer<Translation<T>> | undefined): T {
  if (translation === undefined) return english;
  if (english && typeof english === 'object' && !Array.isArray(english) && typeof english !== 'function') {
    const merged: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(english)) {
      merged[key] = overEnglish(value, (translation as Record<string, unknown>)[key] as Translation<unknown>);
    }
    return merged as T;
  }
  return translation as T;
}

/**
 * The workspace's strings, a catalog of their own so the public pages' bundle never carries
 * them. A language is a file typed `WorkspaceTranslation` added here (see i18n/README.md).
 */
// Checked here, not where it is written: see workspace-es.ts.
const spanish: WorkspaceTranslation = workspaceEs;
const CATALOGS: Record<Locale, WorkspaceMessages> = {
  en: workspaceEn,
  es: overEnglish(workspaceEn, spanish),
};

export function workspaceMessagesFor(locale: string | null | undefined): WorkspaceMessages {
  return CATALOGS[isLocale(locale) ? locale : DEFAULT_LOCALE];
}
