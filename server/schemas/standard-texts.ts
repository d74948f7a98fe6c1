import { z } from 'zod';

const editedAt = z.string().nullable().describe('When an admin last saved this language’s text (ISO 8601); null while it is as seeded');

/** One standard's text in every language, as the admin's standards screen edits it (an addition). */
export const standardTexts = z.object({
  slug: z.string(),
  number: z.number().int(),
  en: z.object({ title: z.string(), summary: z.string(), daPower: z.string(), indicators: z.array(z.string()), editedAt }),
  translations: z.object({
    es: z.object({
      title: z.string().nullable(),
      summary: z.string().nullable(),
      daPower: z.string().nullable(),
      indicators: z.array(z.string()).nullable(),
      editedAt,
      needsUpdate: z.boolean().describe('The English was edited after this language was last saved'),
    }),
  }),
});
export type StandardTexts = z.infer<typeof standardTexts>;
