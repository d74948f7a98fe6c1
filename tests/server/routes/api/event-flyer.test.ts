import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createSignedInUser, runSql, selectSql, TINY_PNG, type TestApp, type TestUser } from '../../../helper.js';

const flyerRows = async (app: TestApp) =>
  (await selectSql<{ name: string }>(app, sql`select name from event_flyers order by name`)).map((row) => row.name);

let t: TestApp;
let admin: TestUser;
let eventId: number;

const PNG = TINY_PNG;

/** What a volunteer's PDF export says about them: none of it may reach the public. */
const IDENTIFYING = [
  'Volunteer Real Name',
  'maria.lopez laptop',
  'Internal planning title',
  'opposition-research',
  'Word for coalition-account',
  'uuid:volunteer-document-id',
  'Orphan Earlier Author',
];

/**
 * A three-page PDF as a volunteer's software writes one: document information naming them, an
 * XMP packet on the catalog, and an earlier revision's Info left in the file, unreferenced. Saved
 * without object streams, so every string is in the bytes as written.
 */
async function volunteerPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['Forum with the DA', 'Page two', 'Page three']) doc.addPage([612, 792]).drawText(text, { x: 72, y: 700, font });
  // Literal strings, as most software writes them (pdf-lib's setters would write hex).
  const info = {
    Author: 'Volunteer Real Name',
    Creator: 'maria.lopez laptop',
    Title: 'Internal planning title',
    Subject: 'opposition-research',
    Keywords: 'opposition-research',
    Producer: 'Word for coalition-account',
    CreationDate: "D:20260314093000-07'00'",
    ModDate: "D:20260315101500-07'00'",
  };
  doc.context.trailerInfo.Info = doc.context.register(
    doc.context.obj(Object.fromEntries(Object.entries(info).map(([key, value]) => [key, PDFString.of(value)]))),
  );
  const xmp =
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">' +
    '<dc:creator><rdf:Seq><rdf:li>Volunteer Real Name</rdf:li></rdf:Seq></dc:creator><xmpMM:DocumentID>uuid:volunteer-document-id</xmpMM:DocumentID>' +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
  const metadata = doc.context.register(doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' }));
  doc.catalog.set(PDFName.of('Metadata'), metadata);
  doc.context.register(doc.context.obj({ Author: PDFString.of('Orphan Earlier Author') }));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

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
    const pdf = await volunteerPdf();
    const res = await upload(pdf, 'flyer', 'application/pdf');
    expect(res.statusCode, res.body).toBe(200);
    const url: string = res.json().flyerUrl;
    expect(url).toMatch(/^\/media\/flyers\/\d+-[0-9a-f-]+\.pdf$/);
    const served = await t.app.inject(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toBe('attachment; filename="flyer.pdf"');
    expect((await PDFDocument.load(served.rawPayload)).getPageCount()).toBe(3);
    const page = (await t.app.inject('/events')).body;
    expect(page).toContain(`<a href="${url}" download>Flyer for`);
    expect(page).not.toContain(`<img class="event__flyer" src="${url}"`);
    await t.app.inject({ method: 'DELETE', url: `/api/events/${eventId}/flyer`, headers: admin.headers });
  });

  it('publishes a PDF without its document information, XMP metadata or leftovers naming who made it, pages intact', async () => {
    const pdf = await volunteerPdf();
    // The test file does carry them, as sent.
    for (const text of IDENTIFYING) expect(pdf.includes(Buffer.from(text)), text).toBe(true);
    const res = await upload(pdf, 'flyer', 'application/pdf');
    expect(res.statusCode, res.body).toBe(200);
    const served = (await t.app.inject(res.json().flyerUrl)).rawPayload;
    for (const text of IDENTIFYING) expect(served.includes(Buffer.from(text)), text).toBe(false);
    // Nor pdf-lib's own name and dates in their place.
    expect(served.includes(Buffer.from('pdf-lib'))).toBe(false);
    expect(served.includes(Buffer.from('/Metadata'))).toBe(false);

    const doc = await PDFDocument.load(served, { updateMetadata: false });
    // No Info dictionary at all (checked first: pdf-lib's getters make an empty one when missing).
    expect(doc.context.trailerInfo.Info).toBeUndefined();
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPages().map((p) => p.getSize())).toEqual(Array(3).fill({ width: 612, height: 792 }));
    const original = await PDFDocument.load(pdf);
    // Each page draws what it drew: the same content stream bytes.
    const contents = (d: PDFDocument) =>
      d.getPages().map((p) => Buffer.from(d.context.lookup(p.node.get(PDFName.of('Contents')))!.toString()));
    expect(contents(doc)).toEqual(contents(original));
    expect([doc.getAuthor(), doc.getCreator(), doc.getTitle(), doc.getSubject(), doc.getKeywords(), doc.getProducer()]).toEqual(
      Array(6).fill(undefined),
    );
    expect([doc.getCreationDate(), doc.getModificationDate()]).toEqual([undefined, undefined]);
    expect(doc.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    await t.app.inject({ method: 'DELETE', url: `/api/events/${eventId}/flyer`, headers: admin.headers });
  });

  it('refuses an encrypted or unreadable PDF by name, storing nothing', async () => {
    const kept = (await upload(PNG)).json().flyerUrl as string;
    const before = await flyerRows(t);

    // pdf-lib cannot encrypt; a trailer naming an encryption dictionary is what a protected PDF has.
    const protectedDoc = await PDFDocument.load(await volunteerPdf());
    protectedDoc.context.trailerInfo.Encrypt = protectedDoc.context.register(
      protectedDoc.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -4, O: PDFString.of('x'.repeat(32)), U: PDFString.of('y'.repeat(32)) }),
    );
    const encrypted = Buffer.from(await protectedDoc.save({ useObjectStreams: false }));
    const notPdf = Buffer.from('%PDF-1.7\nthis is not a PDF at all, only its first line\n');
    const noPages = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const cases: Array<[Buffer, RegExp]> = [
      [encrypted, /^is a protected \(encrypted\) PDF/],
      [notPdf, /^could not be read as a PDF/],
      [noPages, /^could not be read as a PDF/],
    ];
    for (const [bytes, message] of cases) {
      const res = await upload(bytes, 'flyer', 'application/pdf');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({
        error: 'validation',
        details: [{ field: 'body.flyer', message: expect.stringMatching(message) }],
      });
      expect(await flyerRows(t)).toEqual(before);
      expect((await t.app.inject('/api/events')).json().find((e: { id: number }) => e.id === eventId).flyerUrl).toBe(kept);
    }
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
