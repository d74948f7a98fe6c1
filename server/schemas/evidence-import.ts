import { z } from 'zod';
import { isBlankRow, readChoice, readDate, readRating, readUrl, type NamedChoice } from '../../core/spreadsheet-cells.js';
import { messagesFor } from '../../i18n/catalog.js';
import { LOCALES } from '../../i18n/locales.js';
import { archivedSubjectMessage, HttpError } from '../errors.js';
import { errorResponse } from './common.js';
import { nextTurn, type SpreadsheetTable } from '../import/tables.js';
import type { Repositories } from '../plugins/repositories.js';
import { evidenceKinds } from '../../db/schema/index.js';
import { evidenceInput, type EvidenceInput } from './evidence-workspace.js';
import { loadCsvStringify } from '../lazy-modules.js';

/**
 * Bulk import for volunteers who work in spreadsheets. One CSV row is one evidence entry,
 * validated by the same schema as `POST /api/evidence`, so a row's problems read exactly
 * like the form's. Columns are snake_case because spreadsheets are edited by hand.
 */
export const IMPORT_COLUMNS = ['subject', 'standard', 'rating', 'kind', 'title', 'summary', 'occurred_on'] as const;
/** Optional: the entry's title and summary in Spanish (a row without them is English only). */
export const TRANSLATION_COLUMNS = ['title_es', 'summary_es'] as const;
/** Source n (1 to MAX_IMPORT_SOURCES): `source_url`, `source_title`, … then `source2_url`, … */
export const SOURCE_FIELDS = ['url', 'title', 'publisher', 'archive_url'] as const;
export const MAX_IMPORT_SOURCES = 3;
export const MAX_IMPORT_ROWS = 500;
/** Rows checked per event-loop turn (issue 17). */
const ROWS_PER_TURN = 25;

export const sourceColumn = (n: number, field: (typeof SOURCE_FIELDS)[number]) => `source${n === 1 ? '' : n}_${field}`;

/** Every column the template carries, in order. */
export const TEMPLATE_COLUMNS = [
  ...IMPORT_COLUMNS,
  ...TRANSLATION_COLUMNS,
  ...Array.from({ length: MAX_IMPORT_SOURCES }, (_, i) => SOURCE_FIELDS.map((f) => sourceColumn(i + 1, f))).flat(),
];

export const importInput = z
  .strictObject({
    csv: z.string().min(1, 'must not be empty').max(200_000, 'must be at most 200000 characters').optional(),
    xlsx: z
      .string()
      .min(1, 'must not be empty')
      .max(240_000, 'must be an .xlsx file of at most 180 KB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be the .xlsx file encoded as base64')
      .optional()
      .describe('An .xlsx file (Excel, Google Sheets), base64-encoded'),
  })
  .refine((body) => (body.csv === undefined) !== (body.xlsx === undefined), {
    message: 'send the spreadsheet as csv (text) or as xlsx (base64), one of the two',
    path: ['csv'],
  });
export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: validate and report every row, store nothing'),
});

const problem = z.object({ column: z.string(), message: z.string() });
export const importRow = z.object({
  /** The row's number as the spreadsheet shows it (the header is row 1; a line break inside a cell does not count). */
  line: z.number().int(),
  /** The row's title cell, so the report names the row as the volunteer wrote it. */
  title: z.string().nullable(),
  ok: z.boolean(),
  entry: z
    .object({
      subject: z.string(),
      standard: z.string(),
      rating: z.number(),
      kind: z.string(),
      title: z.string(),
      occurredOn: z.string(),
      sources: z.number().int(),
    })
    .nullable(),
  problems: z.array(problem),
  /** The created entry's id (only when stored). */
  id: z.number().int().nullable(),
  /** The entry this row already became in an earlier import (same person, standard, title, day and first source): never created twice. */
  alreadyImported: z.number().int().nullable(),
  /** Other entries about the same person with one of this row's sources. */
  duplicates: z.array(z.number().int()),
});
export type ImportRow = z.infer<typeof importRow>;

/** Where the importing account stands against the day's limit (issue 14). */
export const importAllowance = z.object({
  limit: z.number().int().describe('Rows one account may import per calendar day'),
  used: z.number().int().describe('Rows imported today'),
  left: z.number().int().describe('Rows that may still be imported today'),
  day: z.string().describe('The calendar day counted (Sacramento time)'),
});

export const importReport = z.object({
  dryRun: z.boolean(),
  allowance: importAllowance
    .extend({ enough: z.boolean().describe('On a dry run: whether what this file would create fits in what is left today') })
    .describe('The daily import limit: counted after this import when it created entries'),
  valid: z.number().int(),
  invalid: z.number().int(),
  created: z.number().int(),
  /** Valid rows left out because an earlier import already created them. */
  skipped: z.number().int(),
  rows: z.array(importRow),
});
export type ImportReport = z.infer<typeof importReport>;

/** The 429 past the daily limit: the usual error, with how many rows are left today. */
export const importLimitError = errorResponse.extend(importAllowance.shape);

/** A zod path (`sources.1.url`) as the spreadsheet column it came from (`source2_url`). */
function columnOf(path: PropertyKey[]): string {
  if (path[0] === 'sources') {
    if (path.length < 3) return 'source_url';
    const field = path[2] === 'archiveUrl' ? 'archive_url' : String(path[2]);
    return sourceColumn(Number(path[1]) + 1, field as (typeof SOURCE_FIELDS)[number]);
  }
  if (path[0] === 'occurredOn') return 'occurred_on';
  if (path[0] === 'translations') return path.length >= 3 ? `${String(path[2])}_${String(path[1])}` : 'title_es';
  return path.length ? String(path[0]) : 'row';
}

/** A cell as the API body would carry it: an empty cell is a missing field. */
const cell = (record: Record<string, string>, column: string) => {
  const value = record[column]?.trim();
  return value ? value : undefined;
};

/**
 * What a volunteer may write for a person (slug or name as shown), a standard (slug, number
 * or title in English or Spanish) and a kind (its name or its label in either language).
 */
export interface ImportVocabulary {
  subjects: NamedChoice[];
  /** Archived people: a row naming one is told so, not that they are unknown. */
  archivedSubjects: NamedChoice[];
  standards: NamedChoice[];
  kinds: NamedChoice[];
}

/** Every way the site itself names people, standards and kinds, in each of its languages. */
export async function importVocabulary(repos: Pick<Repositories, 'subjects' | 'standards'>): Promise<ImportVocabulary> {
  const standardsByLocale = await Promise.all(LOCALES.map((locale) => repos.standards.list(locale)));
  const people = await repos.subjects.rows({ includeArchived: true });
  const choice = (row: (typeof people)[number]) => ({ slug: row.slug, names: [row.name] });
  return {
    subjects: people.filter((row) => !row.archivedAt).map(choice),
    archivedSubjects: people.filter((row) => row.archivedAt).map(choice),
    standards: standardsByLocale[0].map((standard, i) => ({
      slug: standard.slug,
      names: [String(standard.number), ...standardsByLocale.map((list) => list[i].title)],
    })),
    kinds: evidenceKinds.map((kind) => ({ slug: kind, names: LOCALES.map((locale) => messagesFor(locale).kinds[kind]) })),
  };
}

/** A cell read leniently; what cannot be read is passed on as written, for the schema to explain. */
const lenient = <T>(value: string | undefined, read: (text: string) => T | null): T | string | undefined =>
  value === undefined ? undefined : (read(value) ?? value);

function toBody(record: Record<string, string>, vocabulary: ImportVocabulary) {
  const sources = [];
  for (let n = 1; n <= MAX_IMPORT_SOURCES; n++) {
    const [url, title, publisher, archiveUrl] = SOURCE_FIELDS.map((f) => cell(record, sourceColumn(n, f)));
    // Required text left empty reads "must not be blank", as on the form.
    if (url || title || publisher || archiveUrl) {
      sources.push({ url: lenient(url, readUrl) ?? '', title: title ?? '', publisher, archiveUrl: lenient(archiveUrl, readUrl) });
    }
  }
  return {
    subject: lenient(cell(record, 'subject'), (text) => readChoice(text, vocabulary.subjects)),
    standard: lenient(cell(record, 'standard'), (text) => readChoice(text, vocabulary.standards)),
    rating: lenient(cell(record, 'rating'), readRating),
    kind: lenient(cell(record, 'kind'), (text) => readChoice(text, vocabulary.kinds)),
    title: cell(record, 'title') ?? '',
    summary: cell(record, 'summary') ?? '',
    occurredOn: lenient(cell(record, 'occurred_on'), readDate),
    sources,
    ...spanish(record),
  };
}

/** The optional Spanish columns as the body's `translations`; left out when both are empty. */
function spanish(record: Record<string, string>) {
  const title = cell(record, 'title_es');
  const summary = cell(record, 'summary_es');
  return title || summary ? { translations: { es: { title, summary } } } : {};
}

/** What a cell that cannot be read is not, by column. */
const UNREADABLE: Record<string, string> = {
  subject: 'is not anyone on the scorecard',
  standard: 'is not one of the ten standards',
  rating: 'is not a rating',
  kind: 'is not a kind of evidence',
  occurred_on: 'is not a date',
};

/** What to write instead, for the cells a person most often gets wrong. */
const HINTS: Record<string, string> = {
  subject: 'write the person’s name as the site shows it, or their slug',
  standard: 'write the standard’s number (1 to 10), its title or its slug',
  rating: 'write a whole number from -2 to 2, such as -1 or +2',
  kind: 'write action, data or statement',
  occurred_on: 'write the date as 2025-03-14 or 3/14/2025 (month first)',
};

export interface ParsedImportRow {
  /** The spreadsheet's row number (header = 1). */
  line: number;
  title: string | null;
  input: EvidenceInput | null;
  problems: Array<{ column: string; message: string }>;
}

export const fileProblem = (message: string, field = 'body.csv') =>
  new HttpError(400, 'validation', `${field}: ${message}`, [{ field, message }]);

/**
 * Parses and validates every row of a spreadsheet (a header row, then one entry per row). A
 * file that lacks a required column is one 400 for the whole file; anything wrong inside a row
 * is that row's, named by the row number the spreadsheet shows and the row's title. Blank rows
 * (a spreadsheet's trailing ones) are skipped but still counted, so numbers match what the
 * volunteer sees.
 */
export async function parseImport(table: SpreadsheetTable, vocabulary: ImportVocabulary, field = 'body.csv'): Promise<ParsedImportRow[]> {
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const records = table
    .slice(1)
    .map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])) as Record<string, string>);
  const missing = [...IMPORT_COLUMNS, 'source_url', 'source_title'].filter((c) => !header.includes(c));
  if (missing.length) throw fileProblem(`is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, field);
  const rows = records.map((record, index) => ({ record, line: index + 2 })).filter(({ record }) => !isBlankRow(record));
  if (rows.length === 0) throw fileProblem('has no rows', field);
  if (rows.length > MAX_IMPORT_ROWS) throw fileProblem(`has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`, field);
  // A few rows per event-loop turn (issue 17), so public reads are answered while 500 are checked.
  const checked: ParsedImportRow[] = [];
  for (const [i, row] of rows.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
    checked.push(checkRow(row));
  }
  return checked;

  function checkRow({ record, line }: { record: Record<string, string>; line: number }): ParsedImportRow {
    const title = cell(record, 'title') ?? null;
    // A cell that cannot be read is said in the volunteer's own words (what they wrote and what
    // to write instead), never as a failed pattern or type from the validator.
    const unreadable: Record<string, (text: string) => unknown> = {
      subject: (text) => readChoice(text, vocabulary.subjects),
      standard: (text) => readChoice(text, vocabulary.standards),
      rating: readRating,
      kind: (text) => readChoice(text, vocabulary.kinds),
      occurred_on: readDate,
    };
    const unknown = Object.entries(unreadable).flatMap(([column, read]) => {
      const written = cell(record, column);
      if (written === undefined || read(written) !== null) return [];
      const archived = column === 'subject' ? readChoice(written, vocabulary.archivedSubjects) : null;
      const name = vocabulary.archivedSubjects.find((c) => c.slug === archived)?.names[0];
      return [{ column, message: name ? archivedSubjectMessage(name) : `“${written}” ${UNREADABLE[column]}: ${HINTS[column]}` }];
    });
    const result = evidenceInput.safeParse(toBody(record, vocabulary));
    const problems = [
      ...unknown,
      ...(result.success ? [] : result.error.issues)
        .map((issue) => ({ column: columnOf(issue.path), message: issue.message }))
        .filter((problem) => !unknown.some((u) => u.column === problem.column))
        .map(({ column, message }) => {
          const hint = HINTS[column];
          // The schema's words say what is wrong; the hint says what to write instead.
          return { column, message: hint && !message.startsWith('choose') ? `${message}: ${hint}` : message };
        }),
    ];
    return { line, title, input: result.success && problems.length === 0 ? result.data : null, problems };
  }
}

/** The downloadable template as a table: the header and one fictional example row to overwrite. */
export function importTemplateTable(): SpreadsheetTable {
  const example: Record<string, string> = {
    subject: 'demo-jordan-sample',
    standard: 'kids',
    rating: '1',
    kind: 'statement',
    title: 'Example (replace me): pledge to keep children out of adult court',
    summary: 'Example row: what happened, in two or three sentences. Dates: 2025-01-15 or 1/15/2025 (month first).',
    title_es: 'Ejemplo (reemplácelo): promesa de no juzgar a menores en la corte de adultos',
    summary_es: 'Fila de ejemplo, opcional: lo que pasó, en español. Déjela vacía si no hay traducción.',
    occurred_on: '1/15/2025',
    source_url: 'https://example.org/news/example-story',
    source_title: 'Example story',
    source_publisher: 'Example News',
  };
  return [TEMPLATE_COLUMNS, TEMPLATE_COLUMNS.map((c) => example[c] ?? '')];
}

/** The template as CSV. */
export const importTemplate = async (): Promise<string> => (await loadCsvStringify())(importTemplateTable());
