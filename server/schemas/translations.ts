import { z } from 'zod';
import { LANGUAGES } from '../i18n/language.js';
import { multilineText, text } from './common.js';

/*
 * Spanish (and any later language) text for people, elections, events and evidence. English
 * stays in the record's own fields; these travel beside it as `translations: { es: {...} }`.
 * In a body, a field set to a text sets it, null clears it, and a missing field is left as it
 * is. In an answer, every translatable field is present, null where nothing is written.
 */

const language = z.enum(LANGUAGES);

/** A body's optional `translations`: only languages other than English, since English is the record itself. */
function translationsInput<S extends z.ZodRawShape>(shape: S) {
  const fields = z
    .strictObject(
      Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, (v as z.ZodType).nullable().optional()])) as unknown as {
        [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>>;
      },
    )
    .describe('Spanish text; null clears a field');
  return z
    .strictObject({ es: fields.optional() })
    .describe('The text in other languages (es: Spanish); English is the record’s own fields');
}

function translationsOutput<K extends string>(keys: readonly K[]) {
  const fields = z.object(Object.fromEntries(keys.map((k) => [k, z.string().nullable()])) as { [F in K]: z.ZodNullable<z.ZodString> });
  return z.object({ es: fields }).describe('The stored text in other languages, null where nothing is written');
}

/** Which language each localized text is actually in: English where no translation exists. */
function textLanguages<K extends string>(keys: readonly K[]) {
  return z
    .object(Object.fromEntries(keys.map((k) => [k, language])) as { [F in K]: typeof language })
    .describe('The language each text is in (English where no translation exists)');
}

export const SUBJECT_TEXT = ['office', 'bio'] as const;
export const ELECTION_TEXT = ['name'] as const;
export const EVENT_TEXT = ['title', 'description'] as const;
export const EVIDENCE_TEXT = ['title', 'summary'] as const;

export const subjectTranslationsInput = translationsInput({ office: text(200), bio: multilineText(5000) });
export const electionTranslationsInput = translationsInput({ name: text(200) });
export const eventTranslationsInput = translationsInput({ title: text(300), description: multilineText(5000) });
export const evidenceTranslationsInput = translationsInput({ title: text(300), summary: multilineText(5000) });

export const subjectTranslations = translationsOutput(SUBJECT_TEXT);
export const electionTranslations = translationsOutput(ELECTION_TEXT);
export const eventTranslations = translationsOutput(EVENT_TEXT);
export const evidenceTranslations = translationsOutput(EVIDENCE_TEXT);

export const subjectTextLanguages = textLanguages(SUBJECT_TEXT);
export const electionTextLanguages = textLanguages(ELECTION_TEXT);
export const eventTextLanguages = textLanguages(EVENT_TEXT);
export const evidenceTextLanguages = textLanguages(EVIDENCE_TEXT);

export type TranslationsInput<K extends string> = { es?: { [F in K]?: string | null } };
export type Translations<K extends string> = { es: { [F in K]: string | null } };
export type TextLanguages<K extends string> = { [F in K]: (typeof LANGUAGES)[number] };
