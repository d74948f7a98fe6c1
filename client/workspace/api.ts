import type { ErrorResponse } from '../../server/schemas/common.js';
import { DEFAULT_LOCALE, isLocale, localeFromPath, localePrefix, pagePath } from '../../i18n/locales.js';
import { workspaceMessagesFor, type WorkspaceMessages } from '../../i18n/workspace-catalog.js';
import { workspaceEn } from '../../i18n/workspace-en.js';

/** An API answer: the parsed body on success, the error (with field details) otherwise. */
export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; error: ErrorResponse };

/**
 * Calls the workspace API from a page of this site. Same-origin fetch sends the session
 * cookie and an Origin header, which is what the API's cross-site check asks for. A network
 * failure is an answer too (status 0), so no caller ever loses what a volunteer typed.
 */
export async function api<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      // Public reads are cacheable for a minute; someone who just changed them must see the change.
      cache: 'no-store',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, error: { error: 'network', message: 'network' } };
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (res.ok) return { ok: true, status: res.status, body: parsed as T };
  const error = (
    parsed && typeof parsed === 'object' && 'error' in parsed ? parsed : { error: 'http', message: `HTTP ${res.status}` }
  ) as ErrorResponse;
  // A Spanish screen says a known refusal in Spanish; English screens keep the server's words.
  const locale = localeFromPath(location.pathname);
  const known = locale === DEFAULT_LOCALE ? undefined : workspaceMessagesFor(locale).serverErrors[error.error];
  if (known) error.message = known;
  // A session that ended elsewhere: back to sign-in, returning here afterwards.
  if (res.status === 401 && !path.startsWith('/api/auth/login') && !path.startsWith('/api/invites/accept')) {
    const locale = localeFromPath(location.pathname);
    const screen = location.pathname.slice(localePrefix(locale).length) + location.search;
    location.assign(`${pagePath(locale, '/workspace')}?next=${encodeURIComponent(screen)}`);
  }
  return { ok: false, status: res.status, error };
}

/** Field errors from a 400, keyed by the body path without `body.` (e.g. `sources.0.url`), in the page's language where known. */
export function fieldErrors(error: ErrorResponse): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of error.details ?? []) {
    const field = d.field.replace(/^body\.?/, '') || 'form';
    if (!map.has(field)) map.set(field, inPageLanguage(d.message));
  }
  return map;
}

/**
 * A field problem as the server (or core/evidence-checks.ts) wrote it, in English, put in the
 * page's language when it is one of the catalog's known problems; any other is left as written.
 */
export function problemInLanguage(message: string, problems: WorkspaceMessages['problems']): string {
  const english = workspaceEn.problems;
  for (const [key, text] of Object.entries(english)) {
    if (typeof text === 'string' && text === message) return problems[key as keyof typeof english] as string;
  }
  const length = /^must be at (most|least) (\d+) characters$/.exec(message);
  if (length) return length[1] === 'most' ? problems.tooLong(Number(length[2])) : problems.tooShort(Number(length[2]));
  // The plain problems with a value in them (server/schemas/plain-messages.ts).
  for (const [pattern, say] of PLAIN_PATTERNS) {
    const m = pattern.exec(message);
    if (m) return say(m, problems);
  }
  return message;
}

type Problems = WorkspaceMessages['problems'];
const PLAIN_PATTERNS: Array<[RegExp, (m: RegExpExecArray, p: Problems) => string]> = [
  [/^must be one of (.+)$/, (m, p) => p.oneOf(m[1])],
  [/^must be at least (-?[\d.]+)$/, (m, p) => p.atLeast(m[1])],
  [/^must be at most (-?[\d.]+)$/, (m, p) => p.atMost(m[1])],
  [/^must be more than (-?[\d.]+)$/, (m, p) => p.moreThan(m[1])],
  [/^must be less than (-?[\d.]+)$/, (m, p) => p.lessThan(m[1])],
  [/^must have at least (\d+) items?$/, (m, p) => p.atLeastItems(Number(m[1]))],
  [/^must have at most (\d+) items?$/, (m, p) => p.atMostItems(Number(m[1]))],
  [/^must be a multiple of (.+)$/, (m, p) => p.multipleOf(m[1])],
  [/^has (?:a field|fields) this request does not take: (.+)$/, (m, p) => p.unknownFields(m[1])],
  [/^must be (".*")$/, (m, p) => p.exactly(m[1])],
];

type ImportProblems = WorkspaceMessages['importProblems'];
/**
 * The server's problems that carry specifics (a name, columns, what a cell said), by their
 * English pattern: the catalog's `importProblems` says each in the page's language (English
 * pages keep the server's words). tests/i18n/server-messages.test.ts feeds these patterns the
 * server's own output, so a reworded server message fails there rather than going untranslated.
 */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray, p: ImportProblems) => string]> = [
  [/^(.+) is archived, so no evidence can be logged about them; an admin can restore them first$/, (m, p) => p.archivedSubject(m[1])],
  [/^is missing the columns? (.+)$/, (m, p) => p.missingColumns(m[1])],
  [/^has no rows$/, (_, p) => p.noRows],
  [/^has (\d+) rows; import at most (\d+) at a time$/, (m, p) => p.tooManyRows(Number(m[1]), Number(m[2]))],
  [/^cannot be read as CSV\b/, (_, p) => p.notCsv],
  [/^cannot be read as an Excel \(\.xlsx\) file\b/, (_, p) => p.notXlsx],
  [/^has no worksheet$/, (_, p) => p.noWorksheet],
  [/^“(.*)” is not anyone on the scorecard: /s, (m, p) => p.unknownSubject(m[1])],
  [/^“(.*)” is not one of the ten standards: /s, (m, p) => p.unknownStandard(m[1])],
  [/^“(.*)” is not a rating: /s, (m, p) => p.unknownRating(m[1])],
  [/^“(.*)” is not a kind of evidence: /s, (m, p) => p.unknownKind(m[1])],
  [/^“(.*)” is not a date: /s, (m, p) => p.unknownDate(m[1])],
];

/**
 * Any problem the server words in English (a field's, an import row's or file's), in the
 * language of `locale`: known field problems and the patterns above; English pages and
 * anything not recognised keep the server's own words.
 */
export function messageInLanguage(message: string, locale: string): string {
  if (!isLocale(locale) || locale === DEFAULT_LOCALE) return message;
  const ws = workspaceMessagesFor(locale);
  const known = problemInLanguage(message, ws.problems);
  if (known !== message) return known;
  for (const [pattern, say] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return say(m, ws.importProblems);
  }
  return message;
}

/** `messageInLanguage` for the page being shown. */
export const inPageLanguage = (message: string) => messageInLanguage(message, localeFromPath(location.pathname));

const memo = new Map<string, Promise<ApiResult<unknown>>>();

/** A public list read once per page (people, standards, the method), shared by the screens. */
export function publicList<T>(path: '/api/subjects' | '/api/standards' | '/api/methodology'): Promise<ApiResult<T>> {
  let pending = memo.get(path);
  if (!pending) {
    pending = api<unknown>('GET', path).then((r) => {
      if (!r.ok) memo.delete(path);
      return r;
    });
    memo.set(path, pending);
  }
  return pending as Promise<ApiResult<T>>;
}
