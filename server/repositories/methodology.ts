import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { methodologyTexts } from '../../db/schema/index.js';
import { DEFAULT_LANGUAGE, pickText, type Language } from '../i18n/language.js';

export class MethodologyRepository {
  constructor(private readonly db: Db) {}

  /** The method's plain-language steps and review process in `lang`, each falling back to English. */
  async text(lang: Language = DEFAULT_LANGUAGE) {
    const rows = await this.db
      .select()
      .from(methodologyTexts)
      .where(inArray(methodologyTexts.lang, [DEFAULT_LANGUAGE, lang]));
    const english = rows.find((r) => r.lang === DEFAULT_LANGUAGE);
    const translated = rows.find((r) => r.lang === lang);
    const steps = pickText(lang, translated?.steps, english?.steps ?? []);
    const review = pickText(lang, translated?.review, english?.review ?? []);
    return { steps: steps.text, review: review.text, textLanguages: { steps: steps.lang, review: review.lang } };
  }
}
