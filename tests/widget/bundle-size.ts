import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DEFAULT_WIDGET_DIST } from '../../server/plugins/widget-assets.js';

export interface BundleSize {
  raw: number;
  gzip: number;
  brotli: number;
}

/** A built widget file's size as sent: raw, and compressed at the levels a CDN would use. */
export function bundleSize(file: string): BundleSize {
  const bytes = readFileSync(join(DEFAULT_WIDGET_DIST, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
