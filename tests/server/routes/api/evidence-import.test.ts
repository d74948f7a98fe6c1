import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let volunteer: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  volunteer = await createSignedInUser(t, 'volunteer');
});
afterAll(() => t.close());

const HEADER =
  'subject,standard,rating,kind,title,summary,occurred_on,source_url,source_title,source_publisher,source_archive_url,source2_url,source2_title';
const row = (overrides: Partial<Record<string, string>> = {}) => {
  const cells = {
    subject: 'demo-jordan-sample',
    standard: 'kids',
    rating: '2',
    kind: 'action',
    title: 'Demo: imported entry',
    summary: '"Fictional, with a comma"',
    occurred_on: '2025-02-01',
    source_url: 'https://example.org/a',
    source_title: 'Source A',
    source_publisher: 'Example',
    source_archive_url: '',
    source2_url: '',
    source2_title: '',
    ...overrides,
  };
  return Object.values(cells).join(',');
};

const importCsv = (csv: string, dryRun: boolean) =>
  t.app.inject({ method: 'POST', url: `/api/evidence/import?dryRun=${dryRun}`, headers: volunteer.headers, payload: { csv } });
const mine = async () =>
  (await t.app.inject({ url: '/api/evidence?mine=true&pageSize=100', headers: volunteer.headers })).json().total as number;

describe('POST /api/evidence/import', () => {
  it('reports every row on a dry run, naming the column of each problem, and stores nothing', async () => {
    const before = await mine();
    const csv = [
      HEADER,
      row(),
      row({ rating: '7', source_url: 'javascript:alert(1)' }),
      row({ subject: 'nobody-here', source2_url: 'https://example.org/b', source2_title: 'B' }),
    ].join('\n');
    const res = await importCsv(csv, true);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: true, valid: 1, invalid: 2, created: 0 });
    expect(report.rows[0]).toMatchObject({
      line: 2,
      ok: true,
      entry: { subject: 'demo-jordan-sample', rating: 2, sources: 1 },
      problems: [],
      id: null,
    });
    expect(report.rows[1].ok).toBe(false);
    expect(report.rows[1].problems).toEqual(
      expect.arrayContaining([
        { column: 'rating', message: '“7” is not a rating: write a whole number from -2 to 2, such as -1 or +2' },
        { column: 'source_url', message: 'must be an http or https URL' },
      ]),
    );
    expect(report.rows[2].problems).toEqual([
      {
        column: 'subject',
        message: '“nobody-here” is not anyone on the scorecard: write the person’s name as the site shows it, or their slug',
      },
    ]);
    const blank = (await importCsv([HEADER, row({ title: '', source_title: '', kind: '' })].join('\n'), true)).json();
    expect(blank.rows[0].problems).toEqual(
      expect.arrayContaining([
        { column: 'title', message: 'must not be blank' },
        { column: 'kind', message: 'choose the kind of evidence' },
        { column: 'source_title', message: 'must not be blank' },
      ]),
    );
    expect(await mine()).toBe(before);
  });

  it('stores the valid rows as pending entries, with every source, when not a dry run', async () => {
    const before = await mine();
    const csv = [
      HEADER,
      row({ source2_url: 'https://example.org/b', source2_title: 'Source B' }),
      row({ title: 'Demo: second', kind: 'statement', rating: '-1' }),
    ].join('\r\n');
    const res = await importCsv(csv, false);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ dryRun: false, valid: 2, invalid: 0, created: 2 });
    expect(await mine()).toBe(before + 2);
    const entry = (await t.app.inject({ url: `/api/evidence/${report.rows[0].id}`, headers: volunteer.headers })).json();
    expect(entry).toMatchObject({ status: 'pending', summary: 'Fictional, with a comma' });
    expect(entry.sources.map((s: { title: string }) => s.title)).toEqual(['Source A', 'Source B']);
  });

  it('reads a spreadsheet as a person would, and names each problem by the row the spreadsheet shows', async () => {
    const csv = [
      HEADER,
      // A person by the name shown, a standard by number, +1, a US date, a URL without https://.
      row({
        subject: '  jordan   SAMPLE (demo) ',
        standard: '3',
        rating: '+1',
        kind: 'Action',
        occurred_on: '3/14/2025',
        source_url: 'www.example.org/one',
      }),
      // A standard by its Spanish title, a typographic minus, a month name, a Spanish kind label.
      row({ standard: 'Tratar a los niños como niños', rating: '−1', occurred_on: '"March 14, 2025"', kind: 'declaración o promesa' }),
      // An Excel serial date; a quoted line break in the summary must not shift the next rows' numbers.
      row({ occurred_on: '45730', summary: '"two\nlines"' }),
      row({ title: 'Demo: the bad one', rating: 'lots', occurred_on: '14/3/2025', standard: 'eleven' }),
      ',,,,,,,,,,,,',
      ',,,,,,,,,,,,',
    ].join('\n');
    const report = (await importCsv(csv, true)).json();
    expect(report).toMatchObject({ valid: 3, invalid: 1 });
    expect(report.rows.map((r: { line: number }) => r.line)).toEqual([2, 3, 4, 5]);
    expect(report.rows[0].entry).toMatchObject({
      subject: 'demo-jordan-sample',
      standard: 'kids',
      rating: 1,
      kind: 'action',
      occurredOn: '2025-03-14',
    });
    expect(report.rows[1].entry).toMatchObject({ standard: 'kids', rating: -1, kind: 'statement', occurredOn: '2025-03-14' });
    expect(report.rows[2].entry).toMatchObject({ occurredOn: '2025-03-14' });
    const bad = report.rows[3];
    expect(bad).toMatchObject({ line: 5, title: 'Demo: the bad one', ok: false });
    expect(bad.problems.map((p: { column: string }) => p.column).sort()).toEqual(['occurred_on', 'rating', 'standard']);
    for (const p of bad.problems) expect(p.message).not.toMatch(/Invalid input|expected (number|string)|regex|pattern/i);
  });

  it('refuses a file without the required columns, and signed-out callers', async () => {
    const res = await importCsv('subject,title\nx,y', true);
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ field: 'body.csv' });
    expect(res.json().message).toContain('standard');
    const anon = await t.app.inject({ method: 'POST', url: '/api/evidence/import?dryRun=true', payload: { csv: HEADER } });
    expect(anon.statusCode).toBe(401);
  });

  it('serves a template whose header the import accepts', async () => {
    const res = await t.app.inject({ url: '/api/evidence/import/template.csv', headers: volunteer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const report = (await importCsv(res.body, true)).json();
    expect(report).toMatchObject({ valid: 1, invalid: 0 });
  });
});

describe('Excel files', () => {
  it('imports an .xlsx file exactly like the same rows as CSV, real dates and numbers included', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADER.split(','));
    // As Excel stores them: a real date cell, a number for the rating, a hyperlink cell.
    sheet.addRow([
      'Jordan Sample (demo)',
      3,
      1,
      'Action',
      'Demo: from Excel',
      'Fictional.',
      new Date(Date.UTC(2025, 2, 14)),
      { text: 'story', hyperlink: 'https://example.org/xlsx' },
      'Story',
    ]);
    sheet.addRow([]);
    sheet.addRow(['nobody', 'kids', 5, 'action', 'Demo: bad Excel row', 'x', 'soon', 'https://example.org/x', 'X']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { xlsx },
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ valid: 1, invalid: 1 });
    expect(report.rows[0]).toMatchObject({
      line: 2,
      ok: true,
      entry: { subject: 'demo-jordan-sample', standard: 'kids', rating: 1, kind: 'action', occurredOn: '2025-03-14' },
    });
    expect(report.rows[1]).toMatchObject({ line: 4, title: 'Demo: bad Excel row', ok: false });
    expect(report.rows[1].problems.map((p: { column: string }) => p.column).sort()).toEqual(['occurred_on', 'rating', 'subject']);
  });

  it('serves the template as .xlsx, which the import accepts', async () => {
    const res = await t.app.inject({ url: '/api/evidence/import/template.xlsx', headers: volunteer.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const report = (
      await t.app.inject({
        method: 'POST',
        url: '/api/evidence/import?dryRun=true',
        headers: volunteer.headers,
        payload: { xlsx: res.rawPayload.toString('base64') },
      })
    ).json();
    expect(report).toMatchObject({ valid: 1, invalid: 0 });
  });

  it('refuses a file that is not a spreadsheet, or both kinds at once, naming the field', async () => {
    const notXlsx = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { xlsx: Buffer.from('hello').toString('base64') },
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().details[0]).toMatchObject({ field: 'body.xlsx' });
    const both = await t.app.inject({
      method: 'POST',
      url: '/api/evidence/import?dryRun=true',
      headers: volunteer.headers,
      payload: { csv: HEADER, xlsx: 'AAAA' },
    });
    expect(both.statusCode).toBe(400);
  });
});
