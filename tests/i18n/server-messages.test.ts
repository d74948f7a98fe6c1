import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageInLanguage } from '../../client/workspace/api.js';
import { workspaceEs } from '../../i18n/workspace-es.js';
import { archivedSubjectMessage } from '../../server/errors.js';
import { PDF_ENCRYPTED, PDF_UNREADABLE } from '../../server/flyer-pdf.js';
import '../../server/schemas/plain-messages.js';
import { readCsvTable, readXlsxTable, UnreadableSpreadsheet } from '../../server/import/tables.js';
import { MAX_IMPORT_ROWS, parseImport, type ImportVocabulary } from '../../server/schemas/evidence-import.js';

// Issue 11: what the server says in English reaches a Spanish screen in Spanish. Every refusal
// code the server sends has a Spanish sentence, and the problems that carry specifics (a name,
// columns, what a cell said) are recognised in the server's own words, produced here by the
// server's code rather than copied.

/** Every `error` code the server can answer with, read from its source. */
function serverCodes(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/HttpError\(\s*\d{3},\s*'([a-z-]+)'/g)) codes.add(m[1]);
        for (const m of text.matchAll(/\berror: '([a-z-]+)'/g)) codes.add(m[1]);
      }
    }
  };
  walk('server');
  return codes;
}

const vocabulary: ImportVocabulary = {
  subjects: [{ slug: 'demo-jordan-sample', names: ['Jordan Sample'] }],
  archivedSubjects: [{ slug: 'ari-archived', names: ['Ari Archived'] }],
  standards: [{ slug: 'kids', names: ['3', 'Kids'] }],
  kinds: [{ slug: 'action', names: ['Action'] }],
};
const HEADER = ['subject', 'standard', 'rating', 'kind', 'title', 'summary', 'occurred_on', 'source_url', 'source_title'];
const GOOD = ['demo-jordan-sample', 'kids', '1', 'action', 'Demo', 'Fictional.', '2025-03-01', 'https://example.org/a', 'A'];

/** The message of a file-level problem the import throws. */
async function fileProblem(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (err) {
    const details = (err as { details?: Array<{ message: string }> }).details;
    if (details?.length) return details[0].message;
    if (err instanceof UnreadableSpreadsheet) return err.message;
    throw err;
  }
  throw new Error('no problem was raised');
}

/** A Spanish sentence, not the English left as it was. */
function expectSpanish(english: string, spanish: string) {
  expect(spanish, english).not.toBe(english);
  expect(spanish, english).not.toMatch(/\b(is|the|must|cannot|write|has)\b/);
}

describe('server messages on Spanish screens', () => {
  it('has Spanish for every refusal code the server sends', () => {
    // `validation` is shown field by field (its details); `network` is the browser's own.
    const codes = serverCodes();
    expect(codes.size).toBeGreaterThan(30);
    const missing = [...codes].filter((code) => code !== 'validation' && !(code in workspaceEs.serverErrors));
    expect(missing).toEqual([]);
    // A non-JSON error page (a proxy's) is the `http` code in client/workspace/api.ts.
    expect(workspaceEs.serverErrors.http).toBeTruthy();
  });

  it('says a field problem about an archived person in Spanish', () => {
    const english = archivedSubjectMessage('Ari Archived');
    const spanish = messageInLanguage(english, 'es');
    expectSpanish(english, spanish);
    expect(spanish).toContain('Ari Archived');
    expect(messageInLanguage(english, 'en')).toBe(english);
  });

  it('says in Spanish the plain field problems a schema without its own message gets', () => {
    // Produced by zod with the server's configuration, as a refusal carries them.
    const schema = z.strictObject({
      name: z.string(),
      count: z.number().int().min(1).max(10),
      share: z.number().gt(0).lt(1),
      step: z.number().multipleOf(5),
      flag: z.boolean(),
      tags: z.array(z.string()).min(1).max(2),
      lang: z.enum(['en', 'es']),
      only: z.literal('yes'),
      email: z.email(),
      site: z.url(),
      day: z.iso.date(),
      code: z.string().regex(/^[a-z]+$/),
      nested: z.object({ a: z.string() }),
      word: z.string().min(2).max(3),
    });
    const inputs = [
      {},
      {
        name: 1,
        count: 1.5,
        share: 0,
        step: 3,
        flag: 'yes',
        tags: 'x',
        lang: 'fr',
        only: 'no',
        email: 'x',
        site: 'x',
        day: 'x',
        code: 'X',
        nested: 1,
        word: 'a',
        extra: 1,
      },
      { count: 0, share: 1, tags: [], word: 'abcd' },
      { count: 11, tags: ['a', 'b', 'c'] },
    ];
    const messages = new Set(inputs.flatMap((input) => schema.safeParse(input).error!.issues.map((i) => i.message)));
    expect(messages.size).toBeGreaterThan(20);
    for (const english of messages) {
      expect(english).not.toMatch(/Invalid|expected \w+, received|Too (small|big)|Unrecognized/);
      expectSpanish(english, messageInLanguage(english, 'es'));
      expect(messageInLanguage(english, 'en')).toBe(english);
    }
  });

  it('says why a PDF flyer was refused in Spanish', () => {
    for (const english of [PDF_ENCRYPTED, PDF_UNREADABLE]) {
      expectSpanish(english, messageInLanguage(english, 'es'));
      expect(messageInLanguage(english, 'en')).toBe(english);
    }
  });

  it('says the import’s file problems in Spanish', async () => {
    const problems = [
      await fileProblem(() => parseImport([HEADER.slice(0, 3)], vocabulary)),
      await fileProblem(() => parseImport([HEADER.filter((c) => c !== 'kind')], vocabulary)),
      await fileProblem(() => parseImport([HEADER], vocabulary)),
      await fileProblem(() => parseImport([HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => GOOD)], vocabulary)),
      await fileProblem(() => readCsvTable('subject,"unclosed\n')),
      await fileProblem(() => readXlsxTable(Buffer.from('not a spreadsheet'))),
    ];
    for (const english of problems) expectSpanish(english, messageInLanguage(english, 'es'));
    expect(messageInLanguage(problems[1], 'es')).toContain('kind');
    expect(messageInLanguage(problems[3], 'es')).toContain(String(MAX_IMPORT_ROWS + 1));
  });

  it('says the import’s row problems in Spanish, keeping what the cell said', async () => {
    const rows = await parseImport(
      [
        HEADER,
        ['nobody-here', 'no-standard', '7', 'rumour', 'Demo', 'Fictional.', 'someday', 'https://example.org/a', 'A'],
        ['Ari Archived', ...GOOD.slice(1)],
      ],
      vocabulary,
    );
    const problems = rows.flatMap((row) => row.problems.map((p) => p.message));
    expect(problems).toHaveLength(6);
    for (const english of problems) expectSpanish(english, messageInLanguage(english, 'es'));
    expect(messageInLanguage(problems[0], 'es')).toMatch(/^“nobody-here” no es ninguna persona/);
  });
});
