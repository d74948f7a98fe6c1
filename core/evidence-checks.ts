/**
 * The evidence rules a browser can check before sending, in the exact words the server's
 * schemas use (they import these messages), so a volunteer sees the same message whether
 * the form or the server caught the problem. Pure and free of zod: the workspace form imports
 * it, as the client does the scoring method. The server's schema stays the authority; this
 * only saves a round trip for the obvious mistakes.
 */

export const EVIDENCE_MESSAGES = {
  missingSubject: 'choose a person',
  missingStandard: 'choose a standard',
  missingRating: 'choose a rating from -2 to 2',
  missingKind: 'choose the kind of evidence',
  missingDate: 'enter the date it happened',
  blank: 'must not be blank',
  notHttp: 'must be an http or https URL',
  noSource: 'needs at least one source',
} as const;

/** True for an absolute http(s) address with a host: the only links evidence may carry. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export interface EvidenceDraftBody {
  subject?: string;
  standard?: string;
  rating?: number;
  kind?: string;
  occurredOn?: string;
  title: string;
  summary: string;
  sources: Array<{ url: string; title: string; publisher?: string; archiveUrl?: string }>;
}

/** The problems the server would report for these fields, as `{field, message}` like its 400 details. */
export function precheckEvidence(body: EvidenceDraftBody): Array<{ field: string; message: string }> {
  const m = EVIDENCE_MESSAGES;
  const problems: Array<{ field: string; message: string }> = [];
  const need = (field: string, ok: boolean, message: string) => ok || problems.push({ field, message });
  need('subject', !!body.subject, m.missingSubject);
  need('standard', !!body.standard, m.missingStandard);
  need('rating', body.rating !== undefined, m.missingRating);
  need('kind', !!body.kind, m.missingKind);
  need('occurredOn', !!body.occurredOn, m.missingDate);
  need('title', /\S/.test(body.title), m.blank);
  need('summary', /\S/.test(body.summary), m.blank);
  need('sources', body.sources.length > 0, m.noSource);
  body.sources.forEach((source, i) => {
    need(`sources.${i}.url`, isHttpUrl(source.url), m.notHttp);
    need(`sources.${i}.title`, /\S/.test(source.title), m.blank);
    if (source.archiveUrl !== undefined) need(`sources.${i}.archiveUrl`, isHttpUrl(source.archiveUrl), m.notHttp);
  });
  return problems;
}
