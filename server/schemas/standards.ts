import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { standards } from '../../db/schema/index.js';
import { LANGUAGES } from '../i18n/language.js';

const standardRow = createSelectSchema(standards, {
  indicators: z.array(z.string()),
});

const language = z.enum(LANGUAGES);

/** A standard as the public sees it, in the requested language with per-field fallback. */
export const publicStandard = standardRow.omit({ id: true, textEditedAt: true }).extend({
  lang: language.describe('The language asked for'),
  textLanguages: z
    .object({ title: language, summary: language, daPower: language, indicators: language })
    .describe('The language each text is actually in (English where no translation exists)'),
});
export type PublicStandard = z.infer<typeof publicStandard>;
