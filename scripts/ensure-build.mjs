// Builds the server (tsc -> dist/) and the client (vite -> dist/client/) when the build is
// missing or older than any source file, so `npm start` and `npm test` work alone on a fresh
// clone and never run stale code. Plain JavaScript on purpose: it runs before anything is built.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');
const inputs = ['core', 'server', 'db', 'client', 'i18n', 'migrations', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'vite.widget.config.ts'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), info.mtimeMs);
}

const sourcesChanged = Math.max(...inputs.map((p) => newest(join(root, p))));
const builtAt = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (builtAt < sourcesChanged) {
  console.log(builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…');
  // Always a production build, whoever asks: a test runner's NODE_ENV=test would make Vite
  // pick Lit's development build, whose console warnings the widget tests count.
  execSync('npm run build', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString() + '\n');
}
