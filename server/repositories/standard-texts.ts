import { asc } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { standards, standardTranslations } from '../../db/schema/index.js';
import { LANGUAGES, DEFAULT_LANGUAGE, type Language } from '../i18n/language.js';
import type { StandardTexts } from '../schemas/standard-texts.js';

/**
 * What the admin's standards screen edits: each standard's text in every language side by
 * side (the stored text, not the public fallback), with when each language was last edited.
 * A translation "needs update" when the English was edited after it was last saved.
 */
export class StandardTextRepository {
  constructor(private readonly db: Db) {}

  async list(): Promise<StandardTexts[]> {
    const rows = await this.db.select().from(standards).orderBy(asc(standards.number));
    const translations = await this.db.select().from(standardTranslations);
    return rows.map((s) => {
      const english = { title: s.title, summary: s.summary, daPower: s.daPower, indicators: s.indicators, editedAt: s.textEditedAt };
      const others = LANGUAGES.filter((l): l is Exclude<Language, typeof DEFAULT_LANGUAGE> => l !== DEFAULT_LANGUAGE).map((lang) => {
        const t = translations.find((r) => r.standardId === s.id && r.lang === lang);
        const editedAt = t?.textEditedAt ?? null;
        return [
          lang,
          {
            title: t?.title ?? null,
            summary: t?.summary ?? null,
            daPower: t?.daPower ?? null,
            indicators: t?.indicators ?? null,
            editedAt,
            needsUpdate: s.textEditedAt !== null && (editedAt === null || editedAt < s.textEditedAt),
          },
        ] as const;
      });
      return { slug: s.slug, number: s.number, en: english, translations: Object.fromEntries(others) as StandardTexts['translations'] };
    });
  }
}
