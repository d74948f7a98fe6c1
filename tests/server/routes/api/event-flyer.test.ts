import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, type TestApp, type TestUser } from '../../../helper.js';

let t: TestApp;
let admin: TestUser;
let eventId: number;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/** A multipart/form-data body with one file part, as a browser's FormData sends it. */
function multipartBody(field: string, filename: string, type: string, bytes: Buffer) {
  const boundary = '----flyer-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (bytes: Buffer, name = 'flyer', type = 'image/png') => {
  const body = multipartBody(name, 'flyer.png', type, bytes);
  return t.app.inject({ method: 'POST', url: `/api/events/${eventId}/flyer`, payload: body.payload, headers: { ...admin.headers, ...body.headers } });
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
    expect(served.rawPayload.equals(PNG)).toBe(true);
    expect((await t.app.inject('/api/events')).json().find((e: { id: number }) => e.id === eventId).flyerUrl).toBe(url);

    // A new flyer replaces the old file; removing it deletes the file.
    const second = (await upload(PNG)).json().flyerUrl as string;
    expect(second).not.toBe(url);
    const dir = join(dirname(t.databasePath), 'flyers');
    expect(readdirSync(dir)).toEqual([second.split('/').pop()]);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/events/${eventId}/flyer`, headers: admin.headers });
    expect(removed.statusCode).toBe(204);
    expect(existsSync(join(dir, second.split('/').pop()!))).toBe(false);
  });

  it('refuses what is not an image whatever it claims to be, files over 2 MB, and non-admins', async () => {
    const html = await upload(Buffer.from('<script>alert(1)</script>'), 'flyer', 'image/png');
    expect(html.statusCode).toBe(400);
    expect(html.json().details).toEqual([{ field: 'body.flyer', message: 'must be a PNG, JPEG or WebP image' }]);
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect((await upload(PNG, 'other')).statusCode).toBe(400);
    const volunteer = await createSignedInUser(t, 'volunteer');
    const body = multipartBody('flyer', 'f.png', 'image/png', PNG);
    const res = await t.app.inject({ method: 'POST', url: `/api/events/${eventId}/flyer`, payload: body.payload, headers: { ...volunteer.headers, ...body.headers } });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject('/media/flyers/../scorecard.db')).statusCode).toBe(404);
  });
});
