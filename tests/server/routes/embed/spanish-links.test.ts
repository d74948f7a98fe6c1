import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../helper.js';

// Links a Spanish partner page shows without the widget's script (the iframe's <noscript>,
// its "not found" page, the image snippet's link) lead to the Spanish pages too.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const AVERY = 'demo-avery-placeholder';
/** The origin the embed pages see under app.inject (its Host header is localhost:80). */
const O = 'http://localhost:80';

it('the Spanish iframe page links to /es/ pages, the English one to English pages', async () => {
  const spanish = (await t.app.inject(`/embed/${AVERY}?variant=card&lang=es`)).body;
  expect(spanish).toContain(`<noscript><p><a href="${O}/es/people/${AVERY}"`);
  const compare = (await t.app.inject('/embed/demo-2026-district-attorney?variant=compare&lang=es')).body;
  expect(compare).toContain(`<a href="${O}/es/elections/demo-2026-district-attorney"`);
  const missing = await t.app.inject('/embed/nobody-here?lang=es');
  expect(missing.statusCode).toBe(404);
  expect(missing.body).toContain(`<a href="${O}/es/"`);
  expect((await t.app.inject(`/embed/${AVERY}?variant=card`)).body).toContain(`<noscript><p><a href="${O}/people/${AVERY}"`);
});

it('the Spanish image snippet links the badge to the Spanish scorecard', async () => {
  const page = (await t.app.inject(`/embed?subject=${AVERY}&lang=es`)).body;
  // Snippets sit in textareas, so their markup is escaped once more.
  expect(page).toContain(`&lt;a href=&quot;${O}/es/people/${AVERY}&quot;&gt;&lt;img`);
  expect(page).toContain(`](${O}/es/people/${AVERY})`);
});
