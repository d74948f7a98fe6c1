import { createRequire } from 'node:module';

/**
 * The site's mark, for the browser tab, the home screen and the web app manifest: a ticked
 * checklist (evidence checked against standards) on the site's navy. Deliberately no grade
 * letter, so the icon never reads as anyone's grade.
 */
export const BRAND_COLOUR = '#1f3a5f';
export const PAGE_COLOUR = '#f5f6f8';

/**
 * The mark as SVG. `maskable`: the drawing kept inside the middle 80 % (the safe zone a
 * phone's mask never cuts) on a full square, as Android's adaptive icons need.
 */
export function siteIconSvg({ maskable = false }: { maskable?: boolean } = {}): string {
  const scale = maskable ? 0.72 : 1;
  const offset = (64 - 64 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
<rect width="64" height="64" rx="${maskable ? 0 : 14}" fill="${BRAND_COLOUR}"/>
<g transform="translate(${offset} ${offset}) scale(${scale})" fill="none" stroke="#ffffff" stroke-linecap="round" stroke-linejoin="round">
<path d="M13 19h12M13 32h12M13 45h12" stroke-width="5" stroke-opacity="0.7"/>
<path d="M31 32l7.5 7.5L53 22" stroke-width="6.5"/>
</g>
</svg>`;
}

const require = createRequire(import.meta.url);

/** The mark as a PNG `size` pixels square (resvg, as the share images; no fonts needed). */
export function siteIconPng(size: number, options: { maskable?: boolean } = {}): Buffer {
  const { Resvg } = require('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return new Resvg(siteIconSvg(options), { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/** A one-image .ico holding a PNG (every browser since 2010 reads PNG inside ICO). */
export function siteIconIco(size = 32): Buffer {
  const png = siteIconPng(size);
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 means 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14); // image size
  header.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([header, png]);
}
