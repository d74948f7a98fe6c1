import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../helper.js';

// The pages' copy (issue 15), in English and Spanish: no word said twice in a row ("Demo Demo
// data", "Avery Placeholder (demo) DEMO"), no role said twice, and "The other standards" lists
// the other nine.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const BLOCK =
  /<\/?(p|h[1-6]|li|td|th|dt|dd|div|section|summary|label|option|caption|legend|header|footer|nav|aside|ul|ol|tr|details|figure)\b[^>]*>/gi;

/** Each block of the page's visible text (scripts and the data block removed), in lower case. */
function blocks(page: string): string[] {
  return (
    page
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<noscript>[\s\S]*?<\/noscript>/g, ' ')
      // The comparison table holds each standard's full and short name; CSS shows only one.
      .replace(/<span class="comparison__short">[^<]*<\/span>/g, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&[a-z#0-9]+;/gi, ' ')
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim().toLowerCase())
      .filter(Boolean)
  );
}

/** Words said twice in a row within one block ("demo demo"), with their context. */
function repeats(page: string): string[] {
  return blocks(page).flatMap((line) => {
    const words = line.split(' ').map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''));
    return words.flatMap((w, i) => (i > 0 && w && !/^\d+$/.test(w) && w === words[i - 1] ? [line.slice(0, 120)] : []));
  });
}

const PAGES = [
  '/',
  '/people/demo-avery-placeholder',
  '/people/demo-jordan-sample',
  '/people/demo-riley-example',
  '/elections/demo-2026-district-attorney',
  '/standards/kids',
  '/methodology',
  '/events',
];

describe('the copy of every page', () => {
  it.each(PAGES.flatMap((p) => [p, p === '/' ? '/es/' : `/es${p}`]))('%s says no word twice in a row', async (path) => {
    const res = await t.app.inject(path);
    expect(res.statusCode).toBe(200);
    expect(repeats(res.body)).toEqual([]);
  });

  it('an evidence entry’s page, retracted or not, says no word twice in a row, in either language', async () => {
    const entries: Array<{ id: number; status: string }> = (await t.app.inject('/api/subjects/demo-avery-placeholder/evidence')).json();
    const retracted = entries.find((e) => e.status === 'retracted')!;
    const published = entries.find((e) => e.status === 'published')!;
    for (const id of [retracted.id, published.id]) {
      for (const prefix of ['', '/es']) {
        const res = await t.app.inject(`${prefix}/evidence/${id}`);
        expect(res.statusCode).toBe(200);
        expect(repeats(res.body), `${prefix}/evidence/${id}`).toEqual([]);
      }
    }
  });

  it('names a person’s role once, even when their office restates it', async () => {
    for (const [path, role] of [
      ['/people/demo-avery-placeholder', 'District Attorney (incumbent)'],
      ['/es/people/demo-avery-placeholder', 'Fiscal de distrito actual'],
      ['/people/demo-jordan-sample', 'Candidate for District Attorney'],
    ]) {
      const page = (await t.app.inject(path)).body;
      expect(page, path).toContain(`<p class="eyebrow">${role}</p>`);
    }
  });

  it('"The other standards" lists the other nine, each under its own number', async () => {
    for (const path of ['/standards/kids', '/es/standards/kids']) {
      const page = (await t.app.inject(path)).body;
      const others = page.slice(page.indexOf('id="others-heading"')).split('</ol>')[0];
      const items = [...others.matchAll(/<li value="(\d+)"><a href="(?:\/es)?\/standards\/([\w-]+)">/g)].map((m) => [Number(m[1]), m[2]]);
      expect(items, path).toHaveLength(9);
      expect(items.map((i) => i[1])).not.toContain('kids');
      expect(items.map((i) => i[0])).toEqual([1, 2, 4, 5, 6, 7, 8, 9, 10]);
    }
  });
});
