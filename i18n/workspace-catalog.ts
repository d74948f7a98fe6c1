import { DEFAULT_LOCALE, isLocale, type Locale } from './locales.js';
import { workspaceEn } from './workspace-en.js';

export type WorkspaceMessages = typeof workspaceEn;

/**
 * The workspace's strings, a catalog of their own so the public pages' bundle never carries
 * them. A translation is a file typed `WorkspaceMessages` added here; until a locale has one,
 * the workspace is shown in English.
 */
const CATALOGS: Partial<Record<Locale, WorkspaceMessages>> = { en: workspaceEn };

export function workspaceMessagesFor(locale: string | null | undefined): WorkspaceMessages {
  return CATALOGS[isLocale(locale) ? locale : DEFAULT_LOCALE] ?? workspaceEn;
}
