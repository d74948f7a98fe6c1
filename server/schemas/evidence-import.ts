import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { HttpError } from '../errors.js';
import { evidenceInput, type EvidenceInput } from './evidence-workspace.js';

/**
 * Bulk import for volunteers who work in spreadsheets. One CSV row is one evidence entry,
 * validated by the same schema as `POST /api/evidence`, so a row's problems read exactly
 * like the form's. Columns are snake_case because spreadsheets are edited by hand.
 */
export const IMPORT_COLUMNS = ['subject', 'standard', 'rating', 'kind', 'title', 'summary', 'occurred_on'] as const;
/** Source n (1 to MAX_IMPORT_SOURCES): `source_url`, `source_title`, … then `source2_url`, … */
export const SOURCE_FIELDS = ['url', 'title', 'publisher', 'archive_url'] as const;
export const MAX_IMPORT_SOURCES = 3;
export const MAX_IMPORT_ROWS = 500;

export const sourceColumn = (n: number, field: (typeof SOURCE_FIELDS)[number]) => `source${n === 1 ? '' : n}_${field}`;

/** Every column the template carries, in order. */
export const TEMPLATE_COLUMNS = [
  ...IMPORT_COLUMNS,
  ...Array.from({ length: MAX_IMPORT_SOURCES }, (_, i) => SOURCE_FIELDS.map((f) => sourceColumn(i + 1, f))).flat(),
];

export const importInput = z.strictObject({
  csv: z.string().min(1, 'must not be empty').max(200_000, 'must be at most 200000 characters'),
});
export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: validate and report every row, store nothing'),
});

const problem = z.object({ column: z.string(), message: z.string() });
export const importRow = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  ok: z.boolean(),
  entry: z
    .object({ subject: z.string(), standard: z.string(), rating: z.number(), kind: z.string(), title: z.string(), occurredOn: z.string(), sources: z.number().int() })
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

export const importReport = z.object({
  dryRun: z.boolean(),
  valid: z.number().int(),
  invalid: z.number().int(),
  created: z.number().int(),
  /** Valid rows left out because an earlier import already created them. */
  skipped: z.number().int(),
  rows: z.array(importRow),
});
export type ImportReport = z.infer<typeof importReport>;

/** A zod path (`sources.1.url`) as the spreadsheet column it came from (`source2_url`). */
function columnOf(path: PropertyKey[]): string {
  if (path[0] === 'sources') {
    if (path.length < 3) return 'source_url';
    const field = path[2] === 'archiveUrl' ? 'archive_url' : String(path[2]);
    return sourceColumn(Number(path[1]) + 1, field as (typeof SOURCE_FIELDS)[number]);
  }
  if (path[0] === 'occurredOn') return 'occurred_on';
  return path.length ? String(path[0]) : 'row';
}

/** A cell as the API body would carry it: an empty cell is a missing field. */
const cell = (record: Record<string, string>, column: string) => {
  const value = record[column]?.trim();
  return value ? value : undefined;
};

function toBody(record: Record<string, string>) {
  const rating = cell(record, 'rating');
  const sources = [];
  for (let n = 1; n <= MAX_IMPORT_SOURCES; n++) {
    const [url, title, publisher, archiveUrl] = SOURCE_FIELDS.map((f) => cell(record, sourceColumn(n, f)));
    // Required text left empty reads "must not be blank", as on the form.
    if (url || title || publisher || archiveUrl) sources.push({ url: url ?? '', title: title ?? '', publisher, archiveUrl });
  }
  return {
    subject: cell(record, 'subject'),
    standard: cell(record, 'standard'),
    rating: rating === undefined ? undefined : /^[+-]?\d+$/.test(rating) ? Number(rating) : rating,
    kind: cell(record, 'kind'),
    title: cell(record, 'title') ?? '',
    summary: cell(record, 'summary') ?? '',
    occurredOn: cell(record, 'occurred_on'),
    sources,
  };
}

export interface ParsedImportRow {
  line: number;
  input: EvidenceInput | null;
  problems: Array<{ column: string; message: string }>;
}

/**
 * Parses and validates every row. A file that cannot be read as CSV at all, or lacks a
 * required column, is one 400 for the whole file; anything wrong inside a row is that row's.
 * `exists` checks the slugs, so an unknown person or standard is reported before storing.
 */
export function parseImport(csv: string, exists: { subject(slug: string): boolean; standard(slug: string): boolean }): ParsedImportRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  let header: string[] = [];
  try {
    records = parse(csv, {
      columns: (names: string[]) => (header = names.map((h) => h.trim().toLowerCase())),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // The row's line in the file, for the report (a quoted cell may span lines).
      info: true,
    });
  } catch (err) {
    const message = `cannot be read as CSV: ${(err as Error).message}`;
    throw new HttpError(400, 'validation', `body.csv: ${message}`, [{ field: 'body.csv', message }]);
  }
  const missing = [...IMPORT_COLUMNS, 'source_url', 'source_title'].filter((c) => !header.includes(c));
  if (missing.length) {
    const message = `is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`;
    throw new HttpError(400, 'validation', `body.csv: ${message}`, [{ field: 'body.csv', message }]);
  }
  if (records.length === 0) throw new HttpError(400, 'validation', 'body.csv: has no rows', [{ field: 'body.csv', message: 'has no rows' }]);
  if (records.length > MAX_IMPORT_ROWS) {
    const message = `has ${records.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`;
    throw new HttpError(400, 'validation', `body.csv: ${message}`, [{ field: 'body.csv', message }]);
  }
  return records.map(({ record, info }) => {
    const line = info.lines;
    const result = evidenceInput.safeParse(toBody(record));
    if (!result.success) {
      return { line, input: null, problems: result.error.issues.map((issue) => ({ column: columnOf(issue.path), message: issue.message })) };
    }
    const problems = [];
    if (!exists.subject(result.data.subject)) problems.push({ column: 'subject', message: `no subject with slug "${result.data.subject}"` });
    if (!exists.standard(result.data.standard)) problems.push({ column: 'standard', message: `no standard with slug "${result.data.standard}"` });
    return { line, input: problems.length ? null : result.data, problems };
  });
}

/** The downloadable template: the header and one fictional example row to overwrite. */
export function importTemplate(): string {
  const example: Record<string, string> = {
    subject: 'demo-jordan-sample',
    standard: 'kids',
    rating: '1',
    kind: 'statement',
    title: 'Example (replace me): pledge to keep children out of adult court',
    summary: 'Example row: what happened, in two or three sentences.',
    occurred_on: '2025-01-15',
    source_url: 'https://example.org/news/example-story',
    source_title: 'Example story',
    source_publisher: 'Example News',
  };
  return stringify([TEMPLATE_COLUMNS, TEMPLATE_COLUMNS.map((c) => example[c] ?? '')]);
}
