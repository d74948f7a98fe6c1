/**
 * The coalition's logo: its limits, stated on the admin's upload form before a file is chosen
 * and in the server's refusal (one place for both), and its public address.
 */
export const MAX_LOGO_BYTES = 1024 * 1024;
export const MAX_LOGO_MEGABYTES = MAX_LOGO_BYTES / 1024 / 1024;

/** The stored logo fits this square (long side), scaled down, never up: the header shows it a few dozen pixels high. */
export const MAX_LOGO_SIDE = 512;

/**
 * What the file chooser offers. Not SVG: an SVG is a document that can carry script, external
 * references and entity tricks, and rasterising an untrusted one means trusting a second parser;
 * a PNG export of the logo is what every design tool makes anyway.
 */
export const LOGO_ACCEPT = 'image/png,image/jpeg,image/webp';

/** Where the logo is served; `v` (its version) changes with every new logo, so it may be cached for long. */
export const logoPath = (version: string) => `/site/logo.png?v=${encodeURIComponent(version)}`;
