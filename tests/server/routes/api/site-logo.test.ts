import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, selectSql, TINY_PNG, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let admin: TestUser;

/** A multipart/form-data body with one file part, as a browser's FormData sends it. */
function multipartBody(field: string, filename: string, type: string, bytes: Buffer) {
  const boundary = '----logo-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (bytes: Buffer, user: TestUser = admin, field = 'logo', type = 'image/png') => {
  const body = multipartBody(field, 'logo.png', type, bytes);
  return t.app.inject({ method: 'POST', url: '/api/site/logo', payload: body.payload, headers: { ...user.headers, ...body.headers } });
};
const remove = (user: TestUser = admin) => t.app.inject({ method: 'DELETE', url: '/api/site/logo', headers: user.headers });

/** A wide red logo with a transparent corner, as a JPEG-free PNG a designer would export. */
const wideLogo = () =>
  sharp({ create: { width: 1600, height: 400, channels: 4, background: { r: 200, g: 20, b: 40, alpha: 1 } } })
    .png()
    .toBuffer();

const auditRows = () =>
  selectSql<{ action: string; after: unknown }>(t, sql`select action, after from audit_log where entity_type = 'site'`);
const storedLogos = async () =>
  (await selectSql<{ n: number | string }>(t, sql`select count(*) as n from site_settings where logo_png is not null`))[0]?.n ?? 0;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin');
});
afterAll(() => t.close());

describe('the coalition’s logo', () => {
  it('is absent until set: 404 at /site/logo.png, null in GET /api/site, no <img> in the header', async () => {
    expect((await t.app.inject('/site/logo.png')).statusCode).toBe(404);
    expect((await t.app.inject('/api/site')).json()).toMatchObject({ logo: null });
    expect((await t.app.inject('/')).body).not.toContain('class="site-logo"');
  });

  it('is uploaded by an admin, re-encoded as a bounded PNG without metadata, served with a versioned address and shown on the next page', async () => {
    // The page is cached before the upload: the upload must make it stale (no restart).
    const before = (await t.app.inject('/')).body;
    expect(before).not.toContain('site-logo');
    const photo = await sharp({ create: { width: 1600, height: 400, channels: 3, background: '#c81428' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretCam', ImageDescription: 'home address 1 Demo St' } })
      .toBuffer();
    const res = await upload(photo, admin, 'logo', 'image/jpeg');
    expect(res.statusCode, res.body).toBe(200);
    const { logo, coalitionName } = res.json();
    expect(logo).toMatchObject({ url: expect.stringMatching(/^\/site\/logo\.png\?v=[\w-]+$/), width: 512, height: 128 });

    const served = await t.app.inject(logo.url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    const meta = await sharp(served.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 512, height: 128 });
    expect(meta.exif).toBeUndefined();
    expect(served.rawPayload.includes('SecretCam')).toBe(false);
    // Without the current version the address is checked again soon; the ETag revalidates.
    expect((await t.app.inject('/site/logo.png')).headers['cache-control']).toBe('public, max-age=300');
    expect((await t.app.inject({ url: logo.url, headers: { 'if-none-match': served.headers.etag as string } })).statusCode).toBe(304);

    const page = (await t.app.inject('/')).body;
    expect(page).toContain(`<img class="site-logo" src="${logo.url}" alt="${coalitionName}" width="512" height="128">`);
    // Printed pages carry the logo and the coalition's name.
    expect(page).toMatch(
      /<div class="print-masthead"><img class="print-masthead__logo" src="[^"]+" alt="" width="512" height="128"> <span class="print-masthead__name">/,
    );
    expect(page).toContain(`<span class="print-masthead__name">${coalitionName}</span>`);
    expect((await t.app.inject('/es/methodology')).body).toContain('class="site-logo"');
    expect((await t.app.inject('/api/site')).json().logo).toEqual(logo);
    expect(await auditRows()).toContainEqual({ action: 'site.update', after: expect.anything() });
  });

  it('is replaced by a new upload (new address, old version no longer current) and removed by an admin', async () => {
    const first = (await t.app.inject('/api/site')).json().logo;
    const res = await upload(TINY_PNG);
    expect(res.statusCode, res.body).toBe(200);
    const second = res.json().logo;
    expect(second).toMatchObject({ width: 1, height: 1 });
    expect(second.url).not.toBe(first.url);
    expect((await t.app.inject(first.url)).headers['cache-control']).toBe('public, max-age=300');
    expect(await storedLogos()).toEqual(1);

    const removed = await remove();
    expect(removed.statusCode).toBe(200);
    expect(removed.json().logo).toBeNull();
    expect((await t.app.inject('/site/logo.png')).statusCode).toBe(404);
    expect(await storedLogos()).toEqual(0);
    expect((await t.app.inject('/')).body).not.toContain('site-logo');
    // The print line still names the coalition.
    expect((await t.app.inject('/')).body).toContain('<div class="print-masthead"><span class="print-masthead__name">');
    // Removing nothing is no change and no audit entry.
    const audited = (await auditRows()).length;
    expect((await remove()).statusCode).toBe(200);
    expect((await auditRows()).length).toBe(audited);
  });

  it('keeps the name when a logo is set, and the logo when the name changes; both audited', async () => {
    await upload(await wideLogo());
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: '/api/site',
      headers: admin.headers,
      payload: { coalitionName: 'Sacramento Justice Partners' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ coalitionName: 'Sacramento Justice Partners', logo: { width: 512, height: 128 } });
    expect((await t.app.inject('/')).body).toContain('alt="Sacramento Justice Partners"');
    const audits = await auditRows();
    // The audit log describes the logo (size, tag), never holds its bytes.
    expect(JSON.stringify(audits)).toMatch(/512×128 PNG/);
    expect(JSON.stringify(audits).length).toBeLessThan(5000);
  });

  it('refuses what is not a PNG, JPEG or WebP image, SVG, a corrupt image, files over 1 MB and a wrong field, naming the field, storing nothing', async () => {
    const current = (await t.app.inject('/api/site')).json().logo;
    const refused = async (res: Awaited<ReturnType<typeof upload>>, status: number) => {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect((await t.app.inject('/api/site')).json().logo).toEqual(current);
    };
    const html = await upload(Buffer.from('<script>alert(1)</script>'));
    await refused(html, 400);
    expect(html.json().details).toEqual([{ field: 'body.logo', message: 'must be a PNG, JPEG or WebP image' }]);
    const svg = await upload(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
      admin,
      'logo',
      'image/svg+xml',
    );
    await refused(svg, 400);
    expect(svg.json().details[0].field).toBe('body.logo');
    // A PNG signature and then garbage: sharp cannot decode it.
    const corrupt = await upload(Buffer.concat([TINY_PNG.subarray(0, 40), Buffer.alloc(200, 7)]));
    await refused(corrupt, 400);
    expect(corrupt.json().details).toEqual([{ field: 'body.logo', message: 'could not be read as an image' }]);
    const pdf = await upload(Buffer.from('%PDF-1.4\n%%EOF\n'), admin, 'logo', 'application/pdf');
    await refused(pdf, 400);
    const big = await upload(Buffer.concat([TINY_PNG, Buffer.alloc(1024 * 1024)]));
    await refused(big, 413);
    expect(big.json()).toMatchObject({ error: 'too-large', message: expect.stringMatching(/larger than 1 MB/) });
    const wrongField = await upload(TINY_PNG, admin, 'flyer');
    await refused(wrongField, 400);
    expect(wrongField.json().details[0].field).toBe('body.logo');
    const json = await t.app.inject({ method: 'POST', url: '/api/site/logo', headers: admin.headers, payload: { logo: 'x' } });
    await refused(json, 415);
  });

  it('is changed only by admins', async () => {
    const current = (await t.app.inject('/api/site')).json().logo;
    for (const role of ['volunteer', 'reviewer'] as const) {
      const user = await createSignedInUser(t, role);
      expect((await upload(TINY_PNG, user)).statusCode).toBe(403);
      expect((await remove(user)).statusCode).toBe(403);
    }
    expect((await t.app.inject({ method: 'DELETE', url: '/api/site/logo' })).statusCode).toBe(401);
    expect((await t.app.inject('/api/site')).json().logo).toEqual(current);
  });
});

describe('share images with the logo', () => {
  /** Width and height from a PNG's IHDR chunk. */
  const pngSize = (body: Buffer) => ({ width: body.readUInt32BE(16), height: body.readUInt32BE(20) });

  it('draws the logo into every share image once it is set, still 1200×630', async () => {
    await remove();
    const url = '/share/people/demo-avery-placeholder.png';
    const without = await t.app.inject(url);
    expect(without.statusCode).toBe(200);
    expect((await upload(await wideLogo())).statusCode).toBe(200);
    const withLogo = await t.app.inject(url);
    expect(withLogo.statusCode).toBe(200);
    expect(pngSize(withLogo.rawPayload)).toEqual({ width: 1200, height: 630 });
    expect(withLogo.rawPayload.equals(without.rawPayload)).toBe(false);
    expect(withLogo.headers.etag).not.toBe(without.headers.etag);
    // The logo is red; the image without one has no such red in its top line.
    const redIn = async (png: Buffer) => {
      const { data, info } = await sharp(png)
        .extract({ left: 0, top: 20, width: 600, height: 120 })
        .raw()
        .toBuffer({ resolveWithObject: true });
      let red = 0;
      for (let i = 0; i < data.length; i += info.channels) if (data[i] > 180 && data[i + 1] < 60 && data[i + 2] < 80) red++;
      return red;
    };
    expect(await redIn(without.rawPayload)).toBe(0);
    expect(await redIn(withLogo.rawPayload)).toBeGreaterThan(1000);
  });
});
