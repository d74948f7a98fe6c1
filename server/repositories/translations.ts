import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { nowIso } from '../../db/schema/columns.js';
import {
  elections,
  electionTranslations,
  eventTranslations,
  evidenceTranslations,
  subjects,
  subjectTranslations,
} from '../../db/schema/index.js';
import { DEFAULT_LANGUAGE, LANGUAGES, pickText, type Language } from '../i18n/language.js';
import {
  ELECTION_TEXT,
  EVENT_TEXT,
  EVIDENCE_TEXT,
  SUBJECT_TEXT,
  type TextLanguages,
  type Translations,
  type TranslationsInput,
} from '../schemas/translations.js';
import type { Tx } from './audit.js';

type Text<K extends string> = { [F in K]: string | null };

/** SQLite caps bound parameters; a whole export's entries are read in chunks of this many. */
const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/**
 * Reads the stored text of people, elections, events and evidence in a language other than
 * English (db/schema/translations.ts). English needs no read: it is the record itself, so
 * asking for it answers an empty map at no cost.
 */
export class TranslationRepository {
  constructor(private readonly db: Db) {}

  /** People's office and bio in `lang`, by slug. */
  async subjects(slugs: string[], lang: Language): Promise<Map<string, Text<'office' | 'bio'>>> {
    const found = new Map<string, Text<'office' | 'bio'>>();
    if (lang === DEFAULT_LANGUAGE) return found;
    for (const part of chunks([...new Set(slugs)])) {
      const rows = await this.db
        .select({ slug: subjects.slug, office: subjectTranslations.office, bio: subjectTranslations.bio })
        .from(subjectTranslations)
        .innerJoin(subjects, eq(subjects.id, subjectTranslations.subjectId))
        .where(and(eq(subjectTranslations.lang, lang), inArray(subjects.slug, part)));
      for (const { slug, ...text } of rows) found.set(slug, text);
    }
    return found;
  }

  /** Elections' names in `lang`, by slug. */
  async elections(slugs: string[], lang: Language): Promise<Map<string, Text<'name'>>> {
    const found = new Map<string, Text<'name'>>();
    if (lang === DEFAULT_LANGUAGE) return found;
    for (const part of chunks([...new Set(slugs)])) {
      const rows = await this.db
        .select({ slug: elections.slug, name: electionTranslations.name })
        .from(electionTranslations)
        .innerJoin(elections, eq(elections.id, electionTranslations.electionId))
        .where(and(eq(electionTranslations.lang, lang), inArray(elections.slug, part)));
      for (const { slug, ...text } of rows) found.set(slug, text);
    }
    return found;
  }

  /** Events' title and description in `lang`, by event id. */
  async events(ids: number[], lang: Language): Promise<Map<number, Text<'title' | 'description'>>> {
    const found = new Map<number, Text<'title' | 'description'>>();
    if (lang === DEFAULT_LANGUAGE) return found;
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .select({ id: eventTranslations.eventId, title: eventTranslations.title, description: eventTranslations.description })
        .from(eventTranslations)
        .where(and(eq(eventTranslations.lang, lang), inArray(eventTranslations.eventId, part)));
      for (const { id, ...text } of rows) found.set(id, text);
    }
    return found;
  }

  /** Entries' title and summary in `lang`, by entry id. */
  async evidence(ids: number[], lang: Language): Promise<Map<number, Text<'title' | 'summary'>>> {
    const found = new Map<number, Text<'title' | 'summary'>>();
    if (lang === DEFAULT_LANGUAGE) return found;
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .select({ id: evidenceTranslations.evidenceId, title: evidenceTranslations.title, summary: evidenceTranslations.summary })
        .from(evidenceTranslations)
        .where(and(eq(evidenceTranslations.lang, lang), inArray(evidenceTranslations.evidenceId, part)));
      for (const { id, ...text } of rows) found.set(id, text);
    }
    return found;
  }

  /** People in `lang` (office and bio where written, else English), each with its stored Spanish. */
  async localizeSubjects<T extends { slug: string } & Text<SubjectKey>>(list: T[], lang: Language) {
    const es = await this.subjects(
      list.map((s) => s.slug),
      'es',
    );
    return list.map((s) => withText(s, SUBJECT_TEXT, es.get(s.slug), lang));
  }

  /** Elections in `lang` (their name), each with its stored Spanish. */
  async localizeElections<T extends { slug: string } & Text<'name'>>(list: T[], lang: Language) {
    const es = await this.elections(
      list.map((e) => e.slug),
      'es',
    );
    return list.map((e) => withText(e, ELECTION_TEXT, es.get(e.slug), lang));
  }

  /** Events in `lang` (title and description), each with its stored Spanish. */
  async localizeEvents<T extends { id: number } & Text<'title' | 'description'>>(list: T[], lang: Language) {
    const es = await this.events(
      list.map((e) => e.id),
      'es',
    );
    return list.map((e) => withText(e, EVENT_TEXT, es.get(e.id), lang));
  }

  /** Entries in `lang` (title and summary), each with its stored Spanish. */
  async localizeEvidence<T extends { id: number } & Text<'title' | 'summary'>>(list: T[], lang: Language) {
    const es = await this.evidence(
      list.map((e) => e.id),
      'es',
    );
    return list.map((e) => withText(e, EVIDENCE_TEXT, es.get(e.id), lang));
  }
}

type SubjectKey = (typeof SUBJECT_TEXT)[number];

/**
 * A scorecard's short subject with its office in `lang` where written. The scorecard itself is
 * cached per language without it (repositories/scorecards.ts), so the office is added on the way out.
 */
export async function localOffice<T extends { slug: string; office: string }>(repo: TranslationRepository, subject: T, lang: Language) {
  const picked = pickText(lang, (await repo.subjects([subject.slug], lang)).get(subject.slug)?.office ?? null, subject.office);
  return { ...subject, office: picked.text, textLanguages: { office: picked.lang } };
}

/** `localize`, plus the stored translations themselves (what the workspace edits and a reviewer reads). */
function withText<T extends Text<K>, K extends string>(record: T, keys: readonly K[], es: Text<K> | undefined, lang: Language) {
  return { ...localize(record, keys, lang === 'es' ? es : undefined, lang), translations: translationsOf(keys, es) };
}

/** The languages a translation can be written in: every one but English. */
export const TRANSLATED_LANGUAGES = LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE);

/**
 * A record with its translatable `keys` in `lang` where written, English otherwise, and
 * `textLanguages` saying which, so a page can mark the English with lang="en".
 */
export function localize<T extends { [F in K]: string | null }, K extends string>(
  record: T,
  keys: readonly K[],
  translation: Partial<Text<K>> | undefined,
  lang: Language,
): T & { textLanguages: TextLanguages<K> } {
  const out = { ...record, textLanguages: {} as TextLanguages<K> };
  for (const key of keys) {
    const picked = pickText<string | null>(lang, translation?.[key] ?? null, record[key]);
    (out as Record<K, string | null>)[key] = picked.text;
    out.textLanguages[key] = picked.lang;
  }
  return out;
}

/** The stored translations of one record as the workspace shows them: every field, null where unwritten. */
export function translationsOf<K extends string>(keys: readonly K[], es: Partial<Text<K>> | null | undefined): Translations<K> {
  return { es: Object.fromEntries(keys.map((k) => [k, es?.[k] ?? null])) as Text<K> };
}

/** Each translation table with the column naming the record it translates. */
const OWNERS = {
  subject: [subjectTranslations, subjectTranslations.subjectId, 'subjectId'],
  election: [electionTranslations, electionTranslations.electionId, 'electionId'],
  event: [eventTranslations, eventTranslations.eventId, 'eventId'],
  evidence: [evidenceTranslations, evidenceTranslations.evidenceId, 'evidenceId'],
} as const;

/**
 * Writes the translated fields a body gave, inside the record's own unit of work, so the
 * record, its translation, its audit row and (for evidence) its revision commit together.
 */
export async function saveTranslations(
  tx: Tx,
  owner: keyof typeof OWNERS,
  id: number,
  input: TranslationsInput<string> | undefined,
): Promise<void> {
  const [table, column, key] = OWNERS[owner];
  for (const lang of TRANSLATED_LANGUAGES) {
    const fields = input?.[lang as 'es'];
    if (!fields || Object.keys(fields).length === 0) continue;
    const updatedAt = nowIso();
    await tx
      .insert(table)
      .values({ [key]: id, lang, ...fields, updatedAt } as never)
      .onConflictDoUpdate({ target: [column, table.lang], set: { ...fields, updatedAt } });
  }
}
