import { defineConfig } from 'vite';

/**
 * The public web app and workspace: ES modules with hashed names under dist/client/assets,
 * and a manifest the server reads to put the right <script> and <link> tags in its HTML.
 */
export default defineConfig({
  root: '.',
  publicDir: false,
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    rolldownOptions: {
      input: { app: 'client/app/main.ts' },
    },
  },
});
