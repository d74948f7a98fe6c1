import type { ElectionDetail } from '../../server/schemas/elections.js';
import type { Scorecard } from '../../server/schemas/scorecard.js';

export type { ElectionDetail, Scorecard };

/** Why a scorecard could not be shown; the message goes into the one console warning. */
export class ScorecardUnavailable extends Error {}

/** Long enough for a slow phone connection, short enough that a dead API shows the fallback. */
const TIMEOUT_MS = 10_000;

async function getJson<T>(apiBase: string, path: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, apiBase), { signal: AbortSignal.timeout(TIMEOUT_MS), credentials: 'omit' });
  } catch (err) {
    throw new ScorecardUnavailable(`could not reach ${apiBase} (${(err as Error).message})`);
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new ScorecardUnavailable(`${response.status} from ${path}${body?.message ? `: ${body.message}` : ''}`);
  }
  return (await response.json()) as T;
}

// `lang` is always explicit: the standards' titles must be in the widget's language, not in
// whichever language the visitor's browser prefers (Accept-Language).

/** The public API's scorecard for one person (`GET /api/subjects/:slug/scorecard`). */
export function fetchScorecard(apiBase: string, subject: string, lang: string): Promise<Scorecard> {
  return getJson(apiBase, `api/subjects/${encodeURIComponent(subject)}/scorecard?lang=${encodeURIComponent(lang)}`);
}

/** One election with each candidate's scorecard. */
export function fetchElection(apiBase: string, election: string, lang: string): Promise<ElectionDetail> {
  return getJson(apiBase, `api/elections/${encodeURIComponent(election)}?lang=${encodeURIComponent(lang)}`);
}
