import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, runSql, selectSql, TINY_PNG, type TestApp, type TestUser } from '../../../helper.js';

const flyerRows = async (app: TestApp) =>
  (await selectSql<{ name: string }>(app, sql`select name from event_flyers order by name`)).map((row) => row.name);

let t: TestApp;
let admin: TestUser;
let eventId: number;

const PNG = TINY_PNG;

/** A multipart/form-data body with one file part, as a browser's FormData sends it. */
function multipartBody(field: string, filename: string, type: string, bytes: Buffer) {
  const boundary = '----flyer-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (bytes: Buffer, name = 'flyer', type = 'image/png', id = eventId) => {
  const body = multipartBody(name, 'flyer.png', type, bytes);
  return t.app.inject({
    method: 'POST',
    url: `/api/events/${id}/flyer`,
    payload: body.payload,
    headers: { ...admin.headers, ...body.headers },
  });
};

beforeAll(async () => {
  t = await buildTestApp();
  admin = await createSignedInUser(t, 'admin');
  eventId = (await t.app.inject('/api/events')).json()[0].id;
});
afterAll(() => t.close());

describe('event flyers', () => {
  it('stores an image under a made-up name and serves it with its own type, nosniff and a closed CSP', async () => {
    const res = await upload(PNG);
    expect(res.statusCode, res.body).toBe(200);
    const url: string = res.json().flyerUrl;
    expect(url).toMatch(/^\/media\/flyers\/\d+-[0-9a-f-]+\.png$/);
    const served = await t.app.inject(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    // Stored as re-encoded pixels: still a 1×1 PNG.
    expect(await sharp(served.rawPayload).metadata()).toMatchObject({ format: 'png', width: 1, height: 1 });
    expect((await t.app.inject('/api/events')).json().find((e: { id: number }) => e.id === eventId).flyerUrl).toBe(url);

    // Revalidation by its strong ETag.
    expect(served.headers.etag).toMatch(/^"[\w-]+"$/);
    expect((await t.app.inject({ url, headers: { 'if-none-match': served.headers.etag as string } })).statusCode).toBe(304);

    // Stored in the database, not on disk. A new flyer replaces the old one; removing it deletes it.
    expect(existsSync(join(dirname(t.databasePath), 'flyers'))).toBe(false);
    const second = (await upload(PNG)).json().flyerUrl as string;
    expect(second).not.toBe(url);
    expect(await flyerRows(t)).toEqual([second.split('/').pop()]);
    expect((await t.app.inject(url)).statusCode).toBe(404);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/events/${eventId}/flyer`, headers: admin.headers });
    expect(removed.statusCode).toBe(204);
    expect(await flyerRows(t)).toEqual([]);
    expect((await t.app.inject(second)).statusCode).toBe(404);
  });

  it('refuses what is not an image whatever it claims to be, files over 2 MB, and non-admins', async () => {
    const html = await upload(Buffer.from('<script>alert(1)</script>'), 'flyer', 'image/png');
    expect(html.statusCode).toBe(400);
    expect(html.json().details).toEqual([{ field: 'body.flyer', message: 'must be a PNG, JPEG or WebP image, or a PDF' }]);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    // The limit is stated in the refusal, as on the upload form (issue 14).
    expect(big.json()).toMatchObject({ error: 'too-large', message: expect.stringMatching(/larger than 2 MB/) });
    expect((await upload(PNG, 'other')).statusCode).toBe(400);
    const volunteer = await createSignedInUser(t, 'volunteer');
    const body = multipartBody('flyer', 'f.png', 'image/png', PNG);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/events/${eventId}/flyer`,
      payload: body.payload,
      headers: { ...volunteer.headers, ...body.headers },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject('/media/flyers/../scorecard.db')).statusCode).toBe(404);
  });

  it('takes a PDF flyer, serves it as a download, and links it on the events page instead of an image (issue 14)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const res = await upload(pdf, 'flyer', 'application/pdf');
    expect(res.statusCode, res.body).toBe(200);
    const url: string = res.json().flyerUrl;
    expect(url).toMatch(/^\/media\/flyers\/\d+-[0-9a-f-]+\.pdf$/);
    const served = await t.app.inject(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe('attachment; filename="flyer.pdf"');
    expect(served.rawPayload.equals(pdf)).toBe(true);
    const page = (await t.app.inject('/events')).body;
    expect(page).toContain(`<a href="${url}" download>Flyer for`);
    expect(page).not.toContain(`<img class="event__flyer" src="${url}"`);
    await t.app.inject({ method: 'DELETE', url: `/api/events/${eventId}/flyer`, headers: admin.headers });
  });

  it('re-encodes an upload without its metadata, upright, and scales a large photo down', async () => {
    // A 3000×1500 JPEG photo with EXIF (camera, GPS-like comment) and rotated by its orientation tag.
    const photo = await sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#3a6' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretCam', Model: 'Serial-12345', ImageDescription: 'home address 1 Demo St' } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(photo, 'flyer', 'image/jpeg');
    expect(res.statusCode, res.body).toBe(200);
    const stored = (await t.app.inject(res.json().flyerUrl)).rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation ?? 1).toBe(1);
    expect(stored.includes(Buffer.from('SecretCam'))).toBe(false);
    // Turned upright (orientation 6 is a quarter turn), then fitted into 2000×2000.
    expect([meta.width, meta.height]).toEqual([1000, 2000]);
  });

  it('refuses an image that does not decode', async () => {
    const broken = Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.alloc(64, 1)]);
    const res = await upload(broken);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'body.flyer', message: 'could not be read as an image' }]);
  });

  it('deletes the flyer with its event', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: admin.headers,
      payload: { title: 'Demo forum (test)', startsAt: '2030-05-01T18:00:00-07:00', place: 'Demo hall', subjects: [] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const url = (await upload(PNG, 'flyer', 'image/png', id)).json().flyerUrl as string;
    expect(await flyerRows(t)).toContain(url.split('/').pop());
    expect((await t.app.inject(url)).statusCode).toBe(200);
    const deleted = await t.app.inject({ method: 'DELETE', url: `/api/events/${id}`, headers: admin.headers });
    expect(deleted.statusCode).toBe(204);
    expect(await flyerRows(t)).not.toContain(url.split('/').pop());
    expect((await t.app.inject(url)).statusCode).toBe(404);
  });

  it('copies flyers an earlier version stored on disk into the database at start-up, and serves them', async () => {
    // A database and flyers/ folder as an earlier version left them: the event names a file on disk.
    const old = await buildTestApp();
    const id = (await old.app.inject('/api/events')).json()[0].id as number;
    const name = `${id}-0d9e7c1a-0000-4000-8000-000000000001.png`;
    await runSql(old, sql`update events set flyer_path = ${name} where id = ${id}`);
    mkdirSync(join(old.dir, 'flyers'));
    writeFileSync(join(old.dir, 'flyers', name), PNG);
    const restarted = await buildTestApp({ databasePath: old.databasePath, databaseUrl: old.databaseUrl });
    try {
      expect(await flyerRows(restarted)).toEqual([name]);
      const served = await restarted.app.inject(`/media/flyers/${name}`);
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
      expect(served.rawPayload.equals(PNG)).toBe(true);
    } finally {
      await restarted.close();
      await old.close();
    }
  });
});
