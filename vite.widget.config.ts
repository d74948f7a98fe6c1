import { defineConfig } from 'vite';

/**
 * The partner widget: a separate ES library build, so partner pages load only the widget
 * (Lit bundled in, no app code) from stable, unhashed URLs. chart.js goes into its own
 * hashed chunk that only the chart variant imports. Files land in dist/widget and are served
 * from the site's root by server/plugins/widget-assets.ts.
 */
export default defineConfig({
  root: '.',
  publicDir: false,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: {
        /** <script type="module" src="ORIGIN/widget.js"> on partner pages */
        widget: 'client/widget/widget.ts',
        /** loaded by /embed/:slug, inside the iframe: reports its height to the parent */
        'widget-frame': 'client/widget/frame.ts',
        /** optional on partner pages: resizes scorecard iframes */
        'widget-resize': 'client/widget/resize.ts',
        /** the /embed snippet builder's live preview and copy buttons */
        'widget-builder': 'client/widget/snippet-builder.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // Inlines the resize message's name into both tiny scripts instead of a shared chunk.
      optimization: { inlineConst: { mode: 'all' } },
      output: {
        // Vite 8 leaves ES library output unminified unless asked.
        minify: true,
        chunkFileNames: 'widget-chunk-[name]-[hash].js',
      },
    },
  },
});
