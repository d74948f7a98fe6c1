// Decides whether dist/ may be run: `npm start`, every command (scripts/command.mjs) and the
// tests go through it. Plain JavaScript on purpose: it runs before anything is built.
//
// In development it builds the server (tsc -> dist/) and the client (vite -> dist/client/)
// when the build is missing or older than any source file, so `npm start` and `npm test` work
// alone on a fresh clone and never run stale code. In production (NODE_ENV=production, or no
// dev dependencies installed) it never builds: the service user may not write the app's folder
// and has no compiler; it refuses with what to do instead.
//
//   node scripts/ensure-build.mjs            build if needed (development) or check (production)
//   node scripts/ensure-build.mjs --stamp    record that a build just finished (`npm run build` ends with it)
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');
/** What the build is made from. The package files count in development only: `npm prune` rewrites them in production. */
const sources = [
  'core',
  'server',
  'db',
  'cli',
  'client',
  'i18n',
  'migrations',
  'tsconfig.json',
  'tsconfig.build.json',
  'vite.config.ts',
  'vite.widget.config.ts',
  'vite.keep-assets.ts',
];
const packageFiles = ['package.json', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  // A folder's README is not built: editing one must not make production refuse to start.
  if (!info.isDirectory()) return path.endsWith('.md') ? 0 : info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

export function writeStamp() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

/** Whether this install may build: not in production, and only with the compiler installed. */
function mayBuild() {
  return process.env.NODE_ENV !== 'production' && existsSync(join(root, 'node_modules', 'typescript'));
}

/** 'fresh', or why the build cannot be run as it is. */
export function buildState(production = !mayBuild()) {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'server', 'server.js'))) return 'missing';
  const inputs = production ? sources : [...sources, ...packageFiles];
  const changed = Math.max(...inputs.map((p) => newest(join(root, p))));
  return statSync(stamp).mtimeMs < changed ? 'stale' : 'fresh';
}

/** Makes sure dist/ is current: builds it in development, refuses (exit 1) in production. */
export function ensureBuild() {
  const state = buildState();
  if (state === 'fresh') return;
  if (!mayBuild()) {
    const why = state === 'missing' ? 'there is no build (dist/ is missing or incomplete)' : 'the build in dist/ is older than the sources';
    process.stderr.write(
      `Cannot start: ${why}, and production never builds on its own.\n` +
        'Build first, as the user that owns the app folder, with the dev dependencies installed:\n' +
        '  npm ci && npm run build && npm prune --omit=dev\n' +
        '(see "Upgrading" in the README), then start again.\n',
    );
    process.exit(1);
  }
  console.log(state === 'missing' ? 'No build yet: building…' : 'Sources changed since the last build: building…');
  // `npm run build` writes the stamp itself when it succeeds. Always a production build,
  // whoever asks: a test runner's NODE_ENV=test would make Vite pick Lit's development build,
  // whose console warnings the widget tests count.
  execSync('npm run build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--stamp')) writeStamp();
  else ensureBuild();
}
