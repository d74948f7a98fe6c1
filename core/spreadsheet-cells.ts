/**
 * Reading spreadsheet cells the way a person reads them. Volunteers export from Excel or Google
 * Sheets, where a date may be `3/14/2025`, a serial number or "March 14, 2025", a rating
 * `+1` or `−1` (with a typographic minus), and a person their name as shown on the site. Each
 * reader accepts what a human would read without doubt and returns null otherwise, so the
 * import can say precisely what to write instead. Pure: the import runs it on the server, and
 * the workspace can show the same reading before upload.
 */

const MONTHS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day as `YYYY-MM-DD`, or null (no February 30th). */
function isoDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years are this century's, as spreadsheets read them for recent dates. */
const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/** Excel and Google Sheets count days from 1899-12-30 (Excel's 1900 leap-year bug included). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date as `YYYY-MM-DD`: ISO (`2025-03-14`), US order with slashes (`3/14/2025`,
 * `03/14/25`; the template says so), month names in English or Spanish (`March 14, 2025`,
 * `14 de marzo de 2025`), or a spreadsheet serial number (`45730`).
 */
export function readDate(text: string): string | null {
  const value = text.trim().replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (m) return isoDay(fullYear(m[3]), Number(m[1]), Number(m[2]));
  m = /^([a-záéíóú]+)\.? (\d{1,2}),? (\d{4})$/i.exec(value);
  if (m && MONTHS[m[1].toLowerCase()]) return isoDay(Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2]));
  m = /^(\d{1,2}) (?:de )?([a-záéíóú]+)\.?,? (?:de )?(\d{4})$/i.exec(value);
  if (m && MONTHS[m[2].toLowerCase()]) return isoDay(Number(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]));
  m = /^(\d{5})(?:\.\d+)?$/.exec(value);
  if (m) {
    const date = new Date(EXCEL_EPOCH + Number(m[1]) * 86_400_000);
    return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  return null;
}

/** A rating from -2 to 2, written `2`, `+2`, `-1` or `−1` (the typographic minus sign). */
export function readRating(text: string): number | null {
  const value = text.trim().replace(/[−–—]/g, '-').replace(/\s+/g, '');
  if (!/^[+-]?\d(?:\.0+)?$/.test(value)) return null;
  const rating = Number(value);
  return rating >= -2 && rating <= 2 ? rating : null;
}

/** How names compare: case, accents, spacing and punctuation aside. */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** One choice a cell may name, with every way of writing it (slug, number, titles in each language). */
export interface NamedChoice {
  slug: string;
  names: readonly string[];
}

/** The slug of the one choice whose slug or any name matches the cell; null when none does or several do. */
export function readChoice(text: string, choices: readonly NamedChoice[]): string | null {
  const key = nameKey(text);
  if (!key) return null;
  const matches = choices.filter((c) => nameKey(c.slug) === key || c.names.some((n) => nameKey(n) === key));
  return matches.length === 1 ? matches[0].slug : null;
}

/**
 * A web address; one typed without a scheme (`www.example.org/story`) gets `https://`, as a
 * browser's address bar would. Null for anything that is not an http(s) address with a host.
 */
export function readUrl(text: string): string | null {
  let value = text.trim();
  if (!value) return null;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+(?:[/:?#]|$)/i.test(value)) return null;
    value = `https://${value}`;
  }
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}

/** Excel's trailing rows: every cell empty or only spaces. */
export function isBlankRow(cells: Record<string, unknown>): boolean {
  return Object.values(cells).every((v) => v === undefined || v === null || String(v).trim() === '');
}
