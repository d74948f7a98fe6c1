import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { cornerRadius, gradeLook, type GradeLetter } from '../../core/grade-palette.js';

/** The size link previews (Open Graph, X/Twitter large cards) expect. */
export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** What a share image says: everything already in the reader's language. */
export interface ShareCard {
  /** The coalition's name (the site setting), top left. */
  kicker: string;
  /** The person, election, standard or entry the page is about. */
  title: string;
  subtitle: string | null;
  /** One grade for a person, a standard or an entry; one per candidate for an election. */
  grades: Array<{ label: string | null; grade: GradeLetter | null; score: number | null }>;
  /** Short lines under the title: coverage, "as of", the weighting. */
  facts: string[];
  /** The demo notice, when the data shown is demo data. */
  demo: string | null;
  /** The coalition's logo before the kicker, as a data: URI (the drawing fetches nothing), with its size in pixels. */
  logo?: { src: string; width: number; height: number } | null;
}

/** The logo's height on a share image, and the widest it may be (a wide wordmark is scaled down to fit). */
const LOGO_HEIGHT = 72;
const LOGO_MAX_WIDTH = 320;

type Node = {
  type: string;
  props: { style?: Record<string, unknown>; children?: Array<Node | string> | Node | string; [attribute: string]: unknown };
};
const el = (type: string, style: Record<string, unknown>, ...children: Array<Node | string>): Node => ({
  type,
  props: { style: { display: 'flex', ...style }, children },
});

function gradeBox(grade: GradeLetter | null, score: number | null, size: number): Node {
  const look = gradeLook(grade);
  const radius = cornerRadius(look.shape, size);
  return el(
    'div',
    {
      width: size,
      height: size,
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      background: look.background,
      border: `${Math.round(size / 28)}px solid ${look.line}`,
      borderRadius: radius,
      color: look.ink,
    },
    el('div', { fontSize: size * 0.5, fontWeight: 700, lineHeight: 1 }, grade ?? '–'),
    ...(score === null ? [] : [el('div', { fontSize: size * 0.16, marginTop: size * 0.04 }, `${score}/100`)]),
  );
}

/** The logo scaled to LOGO_HEIGHT, or narrower when that would make it wider than LOGO_MAX_WIDTH. */
function logoImage(logo: ShareCard['logo']): Node[] {
  if (!logo) return [];
  const scale = Math.min(LOGO_HEIGHT / logo.height, LOGO_MAX_WIDTH / logo.width);
  const width = Math.max(1, Math.round(logo.width * scale));
  const height = Math.max(1, Math.round(logo.height * scale));
  return [{ type: 'img', props: { src: logo.src, width, height, style: { width, height, flexShrink: 0 } } }];
}

function layout(card: ShareCard): Node {
  const many = card.grades.length > 1;
  const boxSize = many ? (card.grades.length > 3 ? 110 : 140) : 260;
  const grades = el(
    'div',
    { gap: 28, alignItems: 'flex-start' },
    ...card.grades.map((g) =>
      el(
        'div',
        { flexDirection: 'column', alignItems: 'center', width: many ? boxSize + 40 : boxSize },
        gradeBox(g.grade, g.score, boxSize),
        ...(g.label ? [el('div', { marginTop: 10, fontSize: 24, textAlign: 'center', justifyContent: 'center' }, g.label)] : []),
      ),
    ),
  );
  const text = el(
    'div',
    { flexDirection: 'column', flex: 1, justifyContent: 'center', gap: 14 },
    el('div', { fontSize: many || card.title.length > 40 ? 50 : 64, fontWeight: 700, lineHeight: 1.1 }, card.title),
    ...(card.subtitle ? [el('div', { fontSize: 32, color: '#3d4650' }, card.subtitle)] : []),
    ...card.facts.map((fact) => el('div', { fontSize: 30, color: '#1f2328' }, fact)),
  );
  return el(
    'div',
    {
      // Satori sizes boxes without their padding and border (content-box), so subtract them.
      width: SHARE_IMAGE_WIDTH - 2 * 56,
      height: SHARE_IMAGE_HEIGHT - 2 * 40 - 14,
      flexDirection: 'column',
      padding: '40px 56px',
      background: '#ffffff',
      color: '#1f2328',
      fontFamily: 'Atkinson Hyperlegible',
      borderTop: '14px solid #0b5cad',
    },
    el(
      'div',
      { justifyContent: 'space-between', alignItems: 'center', fontSize: 30, color: '#0b5cad', fontWeight: 700, gap: 24 },
      // A coalition's name may run to 120 characters: two lines at most (an ellipsis after), so
      // the grades below keep their room.
      el(
        'div',
        { flexShrink: 1, alignItems: 'center', gap: 20 },
        ...logoImage(card.logo),
        el('div', { display: 'block', flexShrink: 1, lineClamp: 2 }, card.kicker),
      ),
      ...(card.demo
        ? [
            el(
              'div',
              {
                flexShrink: 0,
                background: '#fff4ce',
                color: '#4a3500',
                border: '3px solid #b58500',
                borderRadius: 10,
                padding: '6px 18px',
                fontSize: 28,
              },
              card.demo,
            ),
          ]
        : []),
    ),
    many
      ? el('div', { flexDirection: 'column', flex: 1, justifyContent: 'center', gap: 24 }, text, grades)
      : el('div', { flex: 1, alignItems: 'center', gap: 56 }, grades, text),
  );
}

// Drawing costs tens of milliseconds of CPU (hundreds on a busy machine): a worker thread
// does it, so page and API requests never wait behind a crawler fetching previews. The worker
// is plain CommonJS evaluated from this string, so it runs the same from the TypeScript sources
// (tests, tsx) and from dist/. Fonts ship inside an npm package: a fresh machine may have no
// usable system fonts and nothing may be fetched at run time. Satori turns text into paths,
// so resvg needs no fonts of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const satori = require(workerData.satori).default;
const { Resvg } = require(workerData.resvg);
const fonts = workerData.fonts.map((f) => ({ name: 'Atkinson Hyperlegible', data: readFileSync(f.path), weight: f.weight, style: 'normal' }));
parentPort.on('message', async ({ id, tree, width, height }) => {
  try {
    const svg = await satori(tree, { width, height, fonts });
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng();
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

const require = createRequire(import.meta.url);
let worker: Worker | null = null;
let nextJob = 0;
const pending = new Map<number, { resolve: (png: Buffer) => void; reject: (err: Error) => void }>();

function renderer(): Worker {
  if (worker) return worker;
  const font = (weight: 400 | 700) => ({
    weight,
    path: require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`),
  });
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { satori: require.resolve('satori'), resvg: require.resolve('@resvg/resvg-js'), fonts: [font(400), font(700)] },
  });
  started.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
    const job = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.png) job?.resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
    else job?.reject(new Error(`Share image could not be drawn: ${msg.error}`));
    if (pending.size === 0) started.unref();
  });
  started.on('error', (err) => {
    for (const job of pending.values()) job.reject(err);
    pending.clear();
    worker = null;
  });
  worker = started;
  return started;
}

/** Draws a share card as a 1200×630 PNG, off the main thread. */
export function renderShareImage(card: ShareCard): Promise<Buffer> {
  const id = nextJob++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    const thread = renderer();
    // Held while it has work, let go when idle: an idle renderer never keeps the process alive.
    thread.ref();
    thread.postMessage({ id, tree: layout(card), width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT });
  });
}

/** Stops the renderer thread (the app calls it when it closes). */
export async function stopShareRenderer(): Promise<void> {
  const running = worker;
  worker = null;
  await running?.terminate();
}
