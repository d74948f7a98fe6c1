// Runs one of the commands compiled from cli/ into dist/cli/: `npm run user:add -- …` is
// `node scripts/command.mjs user-add …`. Plain JavaScript, so a production install (no tsx,
// no tsc) runs them; like `npm start`, it builds first in development and refuses a missing
// or stale build in production.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureBuild } from './ensure-build.mjs';

const [name] = process.argv.splice(2, 1);
const entry = fileURLToPath(new URL(`../dist/cli/${name}.js`, import.meta.url));
ensureBuild();
if (!name || !existsSync(entry)) {
  process.stderr.write(`No command "${name ?? ''}" in dist/cli/ (see cli/README.md)\n`);
  process.exit(1);
}
await import(entry);
