/**
 * An event flyer's limits, stated on the upload form before a file is chosen and in the
 * server's refusal (issue 14): one place for both.
 */
export const MAX_FLYER_BYTES = 2 * 1024 * 1024;
export const MAX_FLYER_MEGABYTES = MAX_FLYER_BYTES / 1024 / 1024;

/** What the file chooser offers: the images the server re-encodes, and PDF. */
export const FLYER_ACCEPT = 'image/png,image/jpeg,image/webp,application/pdf,.pdf';
