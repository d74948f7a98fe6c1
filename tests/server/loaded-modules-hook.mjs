// Preloaded with `--import` by tests/server/start.test.ts: writes every module the server
// process loads through `import` to the file LOADED_MODULES_FILE names, one URL a line. The
// hooks run on a thread of their own, where this same file is loaded again and only listens.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
  appendFileSync(process.env.LOADED_MODULES_FILE, `${url}\n`);
  return nextLoad(url, context);
}
