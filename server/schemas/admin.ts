import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { elections, events, standards, subjects } from '../../db/schema/index.js';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../i18n/language.js';
import { httpUrl, isoDate, multilineText, slugParam, text } from './common.js';

/**
 * What admins send to create and edit the public records. Slugs are fixed once created
 * (partner sites link to them), so edits take every field but the slug; an optional field
 * edited to null is cleared. Unknown fields are refused, not silently dropped.
 */

const nonEmpty = (o: object) => Object.keys(o).length > 0;
const CHANGE_SOMETHING = 'change at least one field';

export const subjectInput = createInsertSchema(subjects, {
  slug: () => slugParam,
  name: () => text(200),
  office: () => text(200),
  bio: () => multilineText(5000),
  photoUrl: () => httpUrl,
  website: () => httpUrl,
  termStart: () => isoDate,
  termEnd: () => isoDate,
})
  .pick({ slug: true, name: true, role: true, office: true, bio: true, photoUrl: true, website: true, termStart: true, termEnd: true })
  .strict();

export const subjectPatch = subjectInput.omit({ slug: true }).partial().strict().refine(nonEmpty, CHANGE_SOMETHING);

export const electionInput = createInsertSchema(elections, {
  slug: () => slugParam,
  name: () => text(200),
  electionDate: () => isoDate,
  registrationDeadline: () => isoDate,
  infoUrl: () => httpUrl,
  results: () => multilineText(2000),
})
  .pick({ slug: true, name: true, electionDate: true, registrationDeadline: true, infoUrl: true, results: true })
  .extend({ candidates: z.array(slugParam).max(30).default([]).describe('Subject slugs, in ballot order') })
  .strict();

export const electionPatch = electionInput.omit({ slug: true }).partial().strict().refine(nonEmpty, CHANGE_SOMETHING);

export const eventInput = createInsertSchema(events, {
  title: () => text(300),
  startsAt: () => z.iso.datetime({ offset: true, message: 'must be a date and time such as 2026-10-01T18:30:00-07:00' }),
  place: () => text(300),
  description: () => multilineText(5000),
  url: () => httpUrl,
})
  .pick({ title: true, startsAt: true, place: true, description: true, url: true })
  .extend({ subjects: z.array(slugParam).max(30).default([]).describe('Slugs of the people taking part') })
  .strict();

export const eventPatch = eventInput.partial().strict().refine(nonEmpty, CHANGE_SOMETHING);

/** A standard's text, written for voters; its slug and number never change. */
export const standardPatch = createInsertSchema(standards, {
  title: () => text(300),
  summary: () => multilineText(5000),
  daPower: () => multilineText(5000),
  indicators: () => z.array(text(500)).min(1).max(30),
})
  .pick({ title: true, summary: true, daPower: true, indicators: true })
  .partial()
  .strict()
  .refine(nonEmpty, CHANGE_SOMETHING);

export type SubjectInput = z.infer<typeof subjectInput>;
export type SubjectPatch = z.infer<typeof subjectPatch>;
export type ElectionInput = z.infer<typeof electionInput>;
export type ElectionPatch = z.infer<typeof electionPatch>;
export type EventInput = z.infer<typeof eventInput>;
export type EventPatch = z.infer<typeof eventPatch>;
export type StandardPatch = z.infer<typeof standardPatch>;

/** Which language's text an edit changes: English (the standard itself) unless `?lang=` says otherwise. */
export const editLanguageQuery = z.object({ lang: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE) });

/** The methodology's plain-language text: its steps and how review works, as paragraphs. */
export const methodologyTextPatch = z
  .strictObject({ steps: z.array(multilineText(2000)).min(1).max(30), review: z.array(multilineText(2000)).min(1).max(30) })
  .partial()
  .refine(nonEmpty, CHANGE_SOMETHING);
export type MethodologyTextPatch = z.infer<typeof methodologyTextPatch>;
