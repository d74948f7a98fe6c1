import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { subjects } from '../../db/schema/index.js';
import { subjectTextLanguages, subjectTranslations } from './translations.js';

const subjectRow = createSelectSchema(subjects);

/** A person scored, as the public sees them. */
export const publicSubject = subjectRow.omit({ id: true, createdAt: true }).extend({
  textLanguages: subjectTextLanguages.optional(),
  translations: subjectTranslations.optional(),
});
export type PublicSubject = z.infer<typeof publicSubject>;

/** The short form used inside scorecards, elections and events. */
export const subjectSummary = subjectRow.pick({ slug: true, name: true, role: true, office: true, demo: true });
export type SubjectSummary = z.infer<typeof subjectSummary>;
