import type ExcelJS from 'exceljs';
import { loadCsvParse, loadExcel } from '../lazy-modules.js';

/**
 * A spreadsheet as rows of text cells, the first row its header, so CSV and Excel files go
 * through one import. Row i of the table is row i + 1 of the spreadsheet as the volunteer sees
 * it: blank rows are kept here (the import skips them) and a line break inside a quoted CSV
 * cell stays inside its cell.
 */
export type SpreadsheetTable = string[][];

export class UnreadableSpreadsheet extends Error {}

/** Lets the event loop answer other requests (public reads) before a long step goes on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** CSV bytes parsed per event-loop turn: well under a millisecond each. */
const BYTES_PER_TURN = 16 * 1024;

/**
 * Reads the CSV a 16 KB slice per event-loop turn (issue 17): a 500-row file parsed in one go
 * would hold every public reader waiting. Bytes, not string slices, are written, so a
 * character split across two slices is joined by the parser.
 */
export async function readCsvTable(csv: string): Promise<SpreadsheetTable> {
  const rows: string[][] = [];
  let failure: Error | null = null;
  const parse = await loadCsvParse();
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  parser.on('readable', () => {
    let row: string[] | null;
    while ((row = parser.read() as string[] | null) !== null) rows.push(row);
  });
  parser.on('error', (err) => (failure ??= err));
  const ended = new Promise<void>((resolve) => parser.on('end', resolve).on('error', () => resolve()));
  const bytes = Buffer.from(csv);
  for (let at = 0; at < bytes.length && !failure; at += BYTES_PER_TURN) {
    parser.write(bytes.subarray(at, at + BYTES_PER_TURN));
    await nextTurn();
  }
  if (failure) parser.destroy();
  else {
    parser.end();
    await ended;
  }
  if (failure) throw new UnreadableSpreadsheet(`cannot be read as CSV: ${(failure as Error).message}`);
  return rows;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the volunteer sees it: dates as days, links as their address, formulas as their result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // Excel stores a day as midnight UTC; the day is what was typed.
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

/** The first worksheet of an .xlsx file, as Excel or Google Sheets save it. */
export async function readXlsxTable(file: Buffer): Promise<SpreadsheetTable> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableSpreadsheet('cannot be read as an Excel (.xlsx) file: save it again as .xlsx or as CSV');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSpreadsheet('has no worksheet');
  const table: SpreadsheetTable = [];
  // Row numbers are the sheet's own, so blank rows in the middle keep their place.
  for (let n = 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value).trim());
    table.push(cells);
  }
  return table;
}

/** A table as an .xlsx file with one worksheet (the downloadable template). */
export async function writeXlsxTable(table: SpreadsheetTable, sheetName: string): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of table) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  // Text cells: a rating typed as +1 or a date as 3/14/2025 stays as written.
  sheet.columns.forEach((column) => {
    column.numFmt = '@';
    column.width = 22;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
