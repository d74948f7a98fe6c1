import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** How many builds' files stay on disk: this one and the two before it. */
export const KEPT_BUILDS = 3;

/**
 * Builds write beside the previous build instead of emptying the output folder, so a page
 * already open in a browser, or served by a server still running the previous release, keeps
 * loading its hashed scripts and styles (and the chunks they import later) during and after an
 * upgrade. Each build's file list is recorded in dist/.kept-builds/NAME.json (outside every
 * served folder); files in `folder` that belong to none of the last KEPT_BUILDS builds are
 * removed, so the folder does not grow for ever.
 */
export function keepPreviousAssets(name: string, folder = '.'): Plugin {
  return {
    name: 'keep-previous-assets',
    apply: 'build',
    config: () => ({ build: { emptyOutDir: false } }),
    writeBundle: {
      order: 'post',
      handler(options, bundle) {
        const outDir = options.dir!;
        const historyDir = join(outDir, '..', '.kept-builds');
        const historyFile = join(historyDir, `${name}.json`);
        const history: string[][] = existsSync(historyFile) ? JSON.parse(readFileSync(historyFile, 'utf8')) : [];
        history.unshift(Object.keys(bundle));
        history.length = Math.min(history.length, KEPT_BUILDS);
        mkdirSync(historyDir, { recursive: true });
        writeFileSync(historyFile, JSON.stringify(history) + '\n');

        const kept = new Set(history.flat());
        const pruned = join(outDir, folder);
        if (!existsSync(pruned)) return;
        for (const entry of readdirSync(pruned, { withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const file = relative(outDir, join(pruned, entry.name));
          // A pre-compressed twin (.br, .gz) lives and goes with its file.
          if (!kept.has(file.replace(/\.(br|gz)$/, ''))) rmSync(join(pruned, entry.name));
        }
      },
    },
  };
}
