import { defineScorecard } from './define.js';

/**
 * Entry of /widget.js for partner sites. The API and the full pages live where this script
 * was served from, so the snippet needs no configuration.
 */
defineScorecard(new URL(/* @vite-ignore */ '.', import.meta.url).href);
