import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { keepPreviousAssets } from './vite.keep-assets.js';
import { gradePaletteCss } from './core/grade-palette.js';

/**
 * `virtual:grade-palette.css`: the grade palette of core/grade-palette.ts as CSS custom
 * properties, generated at build time, so the stylesheets hold no copy of the colours.
 */
function gradePalette(): Plugin {
  const id = 'virtual:grade-palette.css';
  const resolved = `\0${id}`;
  return {
    name: 'grade-palette',
    resolveId: (source) => (source === id ? resolved : null),
    load: (loaded) => (loaded === resolved ? gradePaletteCss() : null),
  };
}

/**
 * Writes a .br and a .gz beside every script and stylesheet, compressed once at the highest
 * level, so the server sends them with @fastify/static's `preCompressed` and never
 * compresses the same immutable file per request.
 */
function precompress(): Plugin {
  return {
    name: 'precompress',
    apply: 'build',
    // After writing, so the files are compressed exactly as served (Vite rewrites chunks late).
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle)) {
        if (!/\.(js|css|svg)$/.test(fileName)) continue;
        const path = join(options.dir!, fileName);
        const bytes = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The public web app and workspace: ES modules with hashed names under dist/client/assets,
 * and a manifest the server reads to put the right <script> and <link> tags in its HTML.
 */
export default defineConfig({
  root: '.',
  publicDir: false,
  // Keeps the previous builds' hashed assets, pruning older ones (vite.keep-assets.ts).
  plugins: [gradePalette(), precompress(), keepPreviousAssets('client', 'assets')],
  build: {
    outDir: 'dist/client',
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      input: { app: 'client/app/main.ts', workspace: 'client/workspace/main.ts' },
    },
  },
});
