import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** What an admin reads when a PDF flyer is protected: pdf-lib cannot decrypt it, so it cannot be cleaned. */
export const PDF_ENCRYPTED =
  'is a protected (encrypted) PDF, so its hidden details cannot be removed: save it again without a password or restrictions and upload it again';
/** What an admin reads when a PDF flyer does not parse, has no pages, or is too costly to read. */
export const PDF_UNREADABLE = 'could not be read as a PDF: export or save it again as a PDF and upload it again';

/** A PDF flyer that cannot be cleaned; `message` is one of the two above. */
export class UnusablePdf extends Error {}

/**
 * A PDF is published as sent otherwise, and its document information (Author, Creator,
 * Producer, Title, Subject, Keywords, dates) and XMP metadata name the volunteer or account that
 * made it, to anyone, including the office a coalition criticises. The worker below writes it
 * again without: the trailer's Info dictionary and file ID; every /Metadata (XMP: the catalog's,
 * and the packets pages, images and fonts carry), /PieceInfo (Illustrator and InDesign keep
 * user names and whole documents there) and /LastModified entry; and every object the catalog
 * no longer reaches (an earlier revision's Info left behind by an incremental save, the XMP
 * streams just unlinked), which pdf-lib would otherwise write out too. The pages and all the
 * rest the catalog refers to are kept as they were.
 *
 * `updateMetadata: false` stops pdf-lib writing its own Producer, Creator and dates into a new
 * Info dictionary. Written without object streams, so nothing is compressed that was not
 * compressed before (the tests look for the removed strings in the stored bytes).
 *
 * Measured on this project's shared 2-core machine: a 2 MB PDF of 11,000 small objects (the
 * worst kind; a flyer of a few photos parses far faster) takes about 1 s of CPU, 10 MB of
 * 53,000 objects about 4.7 s; run on the event loop, pdf-lib's yields every 100 objects still
 * left it blocked for up to 90 ms (2 MB) and 500 ms (10 MB) at a time. So it runs in a worker
 * thread of its own, one per upload (admins upload rarely; starting one costs tens of ms):
 * the event loop's longest pause fell to about 50 ms, and a hostile PDF that would loop or
 * fill memory is stopped by the time and heap limits below. Plain CommonJS evaluated
 * from this string, as in share/render.ts, so it runs the same from the sources and from dist/.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream } = require(workerData.pdfLib);
// pdf-lib warns on stderr about every odd object it skips; that says nothing to whoever reads the log.
console.warn = () => {};
const IDENTIFYING = ['Metadata', 'PieceInfo', 'LastModified'].map((key) => PDFName.of(key));
async function clean(bytes) {
  let doc;
  try {
    // Loaded even when encrypted, to tell that apart: pdf-lib's EncryptedPDFError is an ES5
    // class, which instanceof does not recognise.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    if (doc.isEncrypted) return { refused: 'encrypted' };
    // A broken page tree throws here; a PDF without pages is no flyer.
    if (doc.getPageCount() === 0) return { refused: 'unreadable' };
  } catch {
    return { refused: 'unreadable' };
  }
  const context = doc.context;
  context.trailerInfo.Info = undefined;
  context.trailerInfo.ID = undefined;
  // Everything reachable from the catalog, identifying entries removed before looking inside.
  const reachable = new Set();
  const seen = new Set();
  const pending = [context.trailerInfo.Root];
  while (pending.length) {
    const object = pending.pop();
    if (!object || seen.has(object)) continue;
    seen.add(object);
    if (object instanceof PDFRef) {
      reachable.add(object);
      pending.push(context.lookup(object));
      continue;
    }
    const dict = object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (dict) {
      for (const key of IDENTIFYING) dict.delete(key);
      for (const value of dict.values()) pending.push(value);
    } else if (object instanceof PDFArray) {
      for (const value of object.asArray()) pending.push(value);
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref)) context.delete(ref);
  try {
    return { bytes: await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }) };
  } catch {
    return { refused: 'unreadable' };
  }
}
clean(workerData.bytes).then((answer) => parentPort.postMessage(answer, answer.bytes ? [answer.bytes.buffer] : []));
`;

/** Far beyond what a 2 MB flyer needs (about 1 s on a loaded machine): only a hostile file reaches it. */
const PDF_TIME_LIMIT_MS = 60_000;
/** The worker's heap: a 10 MB PDF of 53,000 objects fits with room to spare. */
const PDF_HEAP_MB = 256;

const require = createRequire(import.meta.url);

/** A PDF flyer written again without what identifies its author (above); UnusablePdf when it cannot be. */
export function cleanPdf(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfLib: require.resolve('pdf-lib'), bytes },
      resourceLimits: { maxOldGenerationSizeMb: PDF_HEAP_MB },
    });
    const finish = (outcome: () => void) => {
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new UnusablePdf(PDF_UNREADABLE))), PDF_TIME_LIMIT_MS);
    worker.once('message', (answer: { bytes?: Uint8Array; refused?: 'encrypted' | 'unreadable' }) =>
      finish(() =>
        answer.bytes
          ? resolve(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength))
          : reject(new UnusablePdf(answer.refused === 'encrypted' ? PDF_ENCRYPTED : PDF_UNREADABLE)),
      ),
    );
    // A file that fills the worker's heap is refused; a worker that fails for another reason is
    // the server's fault, not the file's, and says so (a 500).
    worker.once('error', (err: Error & { code?: string }) =>
      finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new UnusablePdf(PDF_UNREADABLE) : err)),
    );
    worker.once('exit', () => finish(() => reject(new Error('The PDF worker stopped without answering'))));
  });
}
