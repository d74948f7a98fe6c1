import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_COALITION_NAME } from '../../../server/repositories/site.js';
import { electionShareCard, evidenceShareCard, personShareCard, standardShareCard } from '../../../server/share/cards.js';
import { renderShareImage, type ShareCard } from '../../../server/share/render.js';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../helper.js';

let t: TestApp;
let admin: TestUser;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

const PERSON = 'demo-avery-placeholder';

/**
 * A PNG cannot be searched for words, so an image is compared, pixel for pixel, with one drawn
 * from the page's card with the given name top left (no logo is set in this file). The card
 * builders read the page's own data; the name is put in by hand, so an image that drew
 * anything else there (the product's name, an older coalition name) does not match.
 */
async function drawnWith(card: ShareCard | null, kicker: string): Promise<Buffer> {
  expect(card).not.toBeNull();
  return renderShareImage({ ...card!, kicker, logo: null });
}

const rename = (coalitionName: string) =>
  t.app.inject({ method: 'PATCH', url: '/api/site', headers: admin.headers, payload: { coalitionName } });

const meta = (body: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(body)?.[1];

describe('share images name the coalition', () => {
  it('draw the default coalition name top left until an admin sets one', async () => {
    const res = await t.app.inject(`/share/people/${PERSON}.png`);
    expect(res.statusCode).toBe(200);
    const repos = t.app.repositories;
    expect(res.rawPayload.equals(await drawnWith(await personShareCard(repos, PERSON, 'en'), DEFAULT_COALITION_NAME))).toBe(true);
  });

  it('draw the new name on every kind of image once an admin renames the coalition, Spanish images staying Spanish', async () => {
    const repos = t.app.repositories;
    const entry = (await t.app.inject(`/api/subjects/${PERSON}/evidence`)).json()[0];
    const images = [
      { url: `/share/people/${PERSON}.png`, card: () => personShareCard(repos, PERSON, 'en') },
      { url: `/share/people/${PERSON}.png?lang=es`, card: () => personShareCard(repos, PERSON, 'es') },
      {
        url: '/share/elections/demo-2026-district-attorney.png',
        card: () => electionShareCard(repos, 'demo-2026-district-attorney', 'en'),
      },
      { url: '/share/standards/kids.png?lang=es', card: () => standardShareCard(repos, 'kids', 'es') },
      { url: `/share/evidence/${entry.id}.png`, card: () => evidenceShareCard(repos, entry.id, 'en') },
    ];
    // Drawn and cached under the old name first: the rename must reach images already drawn.
    const before = new Map<string, string>();
    for (const { url } of images) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      before.set(url, String(res.headers.etag));
    }

    const name = 'Coalición Río de Sacramento';
    const renamed = await rename(name);
    expect(renamed.statusCode, renamed.body).toBe(200);

    for (const { url, card } of images) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers.etag, url).not.toBe(before.get(url));
      expect(res.rawPayload.equals(await drawnWith(await card(), name)), url).toBe(true);
    }
    // The name is a proper name, the same in both languages; the rest of a Spanish image is Spanish.
    const spanish = (await personShareCard(repos, PERSON, 'es'))!;
    expect(spanish.facts.join(' ')).toMatch(/Datos al/);
    const english = await t.app.inject(`/share/people/${PERSON}.png`);
    const es = await t.app.inject(`/share/people/${PERSON}.png?lang=es`);
    expect(es.rawPayload.equals(english.rawPayload)).toBe(false);
  });

  it('give link previews and oEmbed answers the same site name as the web app manifest, renamed with the coalition', async () => {
    const name = 'Sacramento Justice Partners';
    expect((await rename(name)).statusCode).toBe(200);
    for (const [page, manifest] of [
      [`/people/${PERSON}`, '/manifest.webmanifest'],
      [`/es/people/${PERSON}`, '/es/manifest.webmanifest'],
    ]) {
      const siteName = meta((await t.app.inject(page)).body, 'og:site_name');
      expect(siteName, page).toBe((await t.app.inject(manifest)).json().name);
      expect(siteName, page).toContain(name);
      // A link pasted into a site that asks /oembed names the same publisher.
      const oembed = await t.app.inject(`/oembed?url=${encodeURIComponent(`http://localhost${page}`)}`);
      expect(oembed.statusCode, oembed.body).toBe(200);
      expect(oembed.json().provider_name, page).toBe(siteName);
    }
    expect(meta((await t.app.inject('/es/')).body, 'og:site_name')).toBe(`Boleta de Calificaciones de la Fiscalía de Distrito · ${name}`);
  });

  it('draw a long name in at most two lines, so the grades keep their place', async () => {
    const url = '/share/elections/demo-2026-district-attorney.png';
    /** The image below its top line (the name, logo and demo notice), as raw pixels. */
    const belowTopLine = async (name: string) => {
      expect((await rename(name)).statusCode).toBe(200);
      const res = await t.app.inject(url);
      expect(res.statusCode).toBe(200);
      const { data, info } = await sharp(res.rawPayload)
        .extract({ left: 0, top: 180, width: 1200, height: 450 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect(info).toMatchObject({ width: 1200, height: 450 });
      return data;
    };
    // Two lines of name, then the longest name an admin may set (120 characters, four lines unclamped).
    const twoLines = await belowTopLine('Sacramento County Community Coalition for Transparency and Fairness in Justice');
    const longest = await belowTopLine(
      'The Sacramento County Community Coalition for Transparency, Fairness and Accountability in the Office of the District At',
    );
    expect(longest.equals(twoLines)).toBe(true);
  });
});
