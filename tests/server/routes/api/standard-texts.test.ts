import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandardTexts } from '../../../../server/schemas/standard-texts.js';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let admin: TestUser;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

const texts = async (): Promise<StandardTexts[]> => {
  const res = await t.app.inject({ url: '/api/admin/standards', headers: admin.headers });
  expect(res.statusCode).toBe(200);
  return res.json();
};
const kids = async () => (await texts()).find((s) => s.slug === 'kids')!;
const edit = async (payload: Record<string, unknown>, lang?: 'es') => {
  const res = await t.app.inject({
    method: 'PATCH',
    url: `/api/standards/kids${lang ? `?lang=${lang}` : ''}`,
    headers: admin.headers,
    payload,
  });
  expect(res.statusCode).toBe(200);
};

describe('the standards’ text in both languages (admin)', () => {
  it('lists each standard’s stored English and Spanish text, nothing marked as seeded', async () => {
    const all = await texts();
    expect(all.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const k = all.find((s) => s.slug === 'kids')!;
    expect(k.en.title).toBe('Treat Kids Like Kids');
    expect(k.translations.es.title).toMatch(/niños/i);
    expect(k.en.editedAt).toBeNull();
    expect(all.filter((s) => s.translations.es.needsUpdate)).toEqual([]);
  });

  it('is for admins only', async () => {
    const reviewer = await createSignedInUser(t, 'reviewer');
    expect((await t.app.inject({ url: '/api/admin/standards', headers: reviewer.headers })).statusCode).toBe(403);
    expect((await t.app.inject('/api/admin/standards')).statusCode).toBe(401);
  });

  it('marks the Spanish "needs update" after an English edit, and clears it when the Spanish is saved', async () => {
    await edit({ summary: 'Children are children: a new English summary.' });
    const flagged = await kids();
    expect(flagged.en.summary).toBe('Children are children: a new English summary.');
    expect(flagged.en.editedAt).not.toBeNull();
    expect(flagged.translations.es.needsUpdate).toBe(true);
    // Only the standard whose English changed.
    expect((await texts()).filter((s) => s.translations.es.needsUpdate).map((s) => s.slug)).toEqual(['kids']);

    await edit({ summary: 'Los niños son niños: un resumen nuevo en español.' }, 'es');
    const cleared = await kids();
    expect(cleared.translations.es.summary).toBe('Los niños son niños: un resumen nuevo en español.');
    expect(cleared.translations.es.editedAt! >= cleared.en.editedAt!).toBe(true);
    expect(cleared.translations.es.needsUpdate).toBe(false);

    // The English changing again right after the Spanish save marks it again, however fast.
    await edit({ title: 'Treat Kids Like Kids, always' });
    expect((await kids()).translations.es.needsUpdate).toBe(true);
    // Saving the Spanish as it is (it was checked and is still right) clears it.
    await edit({ title: cleared.translations.es.title }, 'es');
    expect((await kids()).translations.es.needsUpdate).toBe(false);
  });

  it('does not mark the Spanish when an English save changes nothing', async () => {
    const before = await kids();
    await edit({ title: before.en.title, indicators: before.en.indicators });
    const after = await kids();
    expect(after.en.editedAt).toBe(before.en.editedAt);
    expect(after.translations.es.needsUpdate).toBe(false);
  });

  it('keeps the edit dates out of the public standards', async () => {
    const res = await t.app.inject('/api/standards/kids?lang=es');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).not.toContain('textEditedAt');
  });
});
