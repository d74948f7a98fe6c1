import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, type TestApp } from '../../helper.js';

// The site's icons and web app manifest (issue 15): a mark that is not a grade letter, PNGs
// for home screens, and a manifest naming the coalition from the site settings.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A PNG's width and height, from its IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('the site icon', () => {
  it('is an SVG mark with no letter in it (never a grade), linked from every page with the iOS icon and the manifest', async () => {
    const svg = await t.app.inject('/favicon.svg');
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg /);
    expect(svg.body).not.toContain('<text');
    for (const [path, manifest] of [
      ['/', '/manifest.webmanifest'],
      ['/people/demo-avery-placeholder', '/manifest.webmanifest'],
      ['/es/', '/es/manifest.webmanifest'],
    ]) {
      const page = (await t.app.inject(path)).body;
      expect(page, path).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      expect(page, path).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png">');
      expect(page, path).toContain(`<link rel="manifest" href="${manifest}">`);
      expect(page, path).not.toContain('data:image/svg+xml');
    }
  });

  it.each([
    ['/icons/icon-192.png', 192],
    ['/icons/icon-512.png', 512],
    ['/icons/maskable-512.png', 512],
    ['/apple-touch-icon.png', 180],
  ])('%s is a %i px square PNG', async (path, size) => {
    const res = await t.app.inject(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(res.rawPayload)).toEqual({ width: size, height: size });
  });

  it('/favicon.ico is an icon file holding a 32 px PNG', async () => {
    const res = await t.app.inject('/favicon.ico');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    const ico = res.rawPayload;
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    const png = ico.subarray(ico.readUInt32LE(18));
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 32, height: 32 });
  });
});

describe('the web app manifest', () => {
  it('names the coalition from the site settings, in each language, with icons that exist', async () => {
    const before = await t.app.inject('/manifest.webmanifest');
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toContain('application/manifest+json');
    const manifest = before.json();
    expect(manifest).toMatchObject({ start_url: '/', display: 'standalone', theme_color: '#1f3a5f', lang: 'en-US' });
    expect(manifest.name).toContain((await t.app.inject('/api/site')).json().coalitionName);
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
    for (const icon of manifest.icons) expect((await t.app.inject(icon.src)).statusCode, icon.src).toBe(200);

    const admin = await createSignedInUser(t, 'admin');
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/site',
      headers: admin.headers,
      payload: { coalitionName: 'Río Coalition (demo)' } as never,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await t.app.inject('/manifest.webmanifest')).json().name).toBe('DA Accountability Scorecard · Río Coalition (demo)');
    const es = (await t.app.inject('/es/manifest.webmanifest')).json();
    expect(es).toMatchObject({ start_url: '/es/', scope: '/es/', lang: 'es-US' });
    expect(es.name).toContain('Río Coalition (demo)');
  });
});
