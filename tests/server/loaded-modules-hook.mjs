// Preloaded with `--import` by tests/server/start.test.ts: writes every module the server
// process loads to the file LOADED_MODULES_FILE names, one a line: what `import` loads (an
// ESM load hook, which runs on a thread of its own, where this same file is loaded again and
// only listens) and what CommonJS packages `require` (Module._load, which the hook never sees).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const record = (loaded) => appendFileSync(process.env.LOADED_MODULES_FILE, `${loaded}\n`);

if (isMainThread) {
  register(import.meta.url);
  const load = Module._load;
  Module._load = function (request, parent, isMain) {
    const exports = load.call(this, request, parent, isMain);
    record(Module._resolveFilename(request, parent, isMain));
    return exports;
  };
}

export async function load(url, context, nextLoad) {
  record(url);
  return nextLoad(url, context);
}
