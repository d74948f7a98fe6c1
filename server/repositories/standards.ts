import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { standards, standardTranslations, type Standard } from '../../db/schema/index.js';
import { DEFAULT_LANGUAGE, pickText, type Language } from '../i18n/language.js';
import type { PublicStandard } from '../schemas/standards.js';

type Translation = typeof standardTranslations.$inferSelect;

/** One standard's text in `lang`, each field falling back to English on its own. */
function localize(
  { id: _id, textEditedAt: _edited, ...english }: Standard,
  translation: Translation | null,
  lang: Language,
): PublicStandard {
  const title = pickText(lang, translation?.title, english.title);
  const summary = pickText(lang, translation?.summary, english.summary);
  const daPower = pickText(lang, translation?.daPower, english.daPower);
  const indicators = pickText(lang, translation?.indicators?.length ? translation.indicators : null, english.indicators);
  return {
    ...english,
    title: title.text,
    summary: summary.text,
    daPower: daPower.text,
    indicators: indicators.text,
    updatedAt: translation && translation.updatedAt > english.updatedAt ? translation.updatedAt : english.updatedAt,
    lang,
    textLanguages: { title: title.lang, summary: summary.lang, daPower: daPower.lang, indicators: indicators.lang },
  };
}

export type StandardRef = Pick<Standard, 'id' | 'slug' | 'number' | 'title'> & { titleLang: Language };

/** English lives on the standard itself; a translation row exists only for other languages. */
const translationIn = (lang: Language) => and(eq(standardTranslations.standardId, standards.id), eq(standardTranslations.lang, lang));

export class StandardRepository {
  constructor(private readonly db: Db) {}

  private rows(lang: Language, slug?: string) {
    return this.db
      .select({ standard: standards, translation: standardTranslations })
      .from(standards)
      .leftJoin(standardTranslations, translationIn(lang))
      .where(slug === undefined ? undefined : eq(standards.slug, slug))
      .orderBy(asc(standards.number));
  }

  async list(lang: Language = DEFAULT_LANGUAGE): Promise<PublicStandard[]> {
    return (await this.rows(lang)).map((r) => localize(r.standard, r.translation, lang));
  }

  async bySlug(slug: string, lang: Language = DEFAULT_LANGUAGE): Promise<PublicStandard | undefined> {
    const [row] = await this.rows(lang, slug);
    return row && localize(row.standard, row.translation, lang);
  }

  /** Ids, slugs, numbers and titles (in `lang`, else English) in order: what scoring and joins need. */
  async refs(lang: Language = DEFAULT_LANGUAGE): Promise<StandardRef[]> {
    const rows = await this.db
      .select({
        id: standards.id,
        slug: standards.slug,
        number: standards.number,
        title: standards.title,
        translatedTitle: standardTranslations.title,
      })
      .from(standards)
      .leftJoin(standardTranslations, translationIn(lang))
      .orderBy(asc(standards.number));
    return rows.map(({ translatedTitle, title, ...ref }) => {
      const picked = pickText(lang, translatedTitle, title);
      return { ...ref, title: picked.text, titleLang: picked.lang };
    });
  }
}
