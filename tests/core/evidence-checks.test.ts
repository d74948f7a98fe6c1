import { describe, expect, it } from 'vitest';
import { precheckEvidence, type EvidenceDraftBody } from '../../core/evidence-checks.js';
import { evidenceInput } from '../../server/schemas/evidence-workspace.js';

/** What the server's schema says about a body, as field -> message (first message per field). */
function serverSays(body: EvidenceDraftBody): Map<string, string> {
  const result = evidenceInput.safeParse(body);
  const said = new Map<string, string>();
  if (!result.success)
    for (const issue of result.error.issues) {
      const field = issue.path.join('.');
      if (!said.has(field)) said.set(field, issue.message);
    }
  return said;
}

const valid: EvidenceDraftBody = {
  subject: 'demo-avery-placeholder',
  standard: 'kids',
  rating: 1,
  kind: 'action',
  occurredOn: '2025-01-02',
  title: 'A title',
  summary: 'A summary',
  sources: [{ url: 'https://example.org/a', title: 'Source' }],
};

describe('the browser’s pre-check of evidence', () => {
  it.each<[string, EvidenceDraftBody]>([
    ['an empty form', { title: '', summary: '', sources: [{ url: '', title: '' }] }],
    ['blank text', { ...valid, title: '   ', summary: '\n' }],
    [
      'a javascript: link and an ftp archive',
      { ...valid, sources: [{ url: 'javascript:alert(1)', title: 'x', archiveUrl: 'ftp://example.org' }] },
    ],
    ['no sources', { ...valid, sources: [] }],
    ['no rating or kind', { ...valid, rating: undefined, kind: undefined }],
  ])('reports %s in the server’s own words, for fields the server also rejects', (_name, body) => {
    const server = serverSays(body);
    const browser = precheckEvidence(body);
    expect(browser.length).toBeGreaterThan(0);
    for (const { field, message } of browser) expect(server.get(field), field).toBe(message);
  });

  it('passes what the server accepts', () => {
    expect(serverSays(valid).size).toBe(0);
    expect(precheckEvidence(valid)).toEqual([]);
  });
});
