import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { events } from '../../db/schema/index.js';
import { subjectSummary } from './subjects.js';
import { eventTextLanguages, eventTranslations } from './translations.js';

export const publicEvent = createSelectSchema(events)
  .omit({ flyerPath: true, createdAt: true, updatedAt: true })
  .extend({
    flyerUrl: z.string().nullable(),
    subjects: z.array(subjectSummary.pick({ slug: true, name: true, role: true })),
    textLanguages: eventTextLanguages.optional(),
    translations: eventTranslations.optional(),
  });
export type PublicEvent = z.infer<typeof publicEvent>;
