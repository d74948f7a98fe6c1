import { css, unsafeCSS } from 'lit';
import { gradePaletteCss } from '../../core/grade-palette.js';

/** The grade palette's custom properties (core/grade-palette.ts), on the shadow root's host. */
const palette = unsafeCSS(gradePaletteCss());

/**
 * The widget's look, entirely inside its shadow root. The wrapper resets every inherited
 * property, so a partner page's fonts, colours or spacing never leak in; partners restyle it
 * only through the documented `--da-scorecard-*` custom properties and `::part()`.
 */
export const scorecardStyles = css`
  ${palette}
  :host {
    display: block;
    max-width: var(--da-scorecard-max-width, 420px);
    contain: content;
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--da-scorecard-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--da-scorecard-font-size, 14px);
    line-height: 1.4;
    color: var(--da-scorecard-fg, #1f2328);
    background: var(--da-scorecard-bg, #ffffff);
    border: 1px solid var(--da-scorecard-border, #d0d7de);
    border-radius: var(--da-scorecard-radius, 10px);
    padding: 1em;
    text-align: start;
    /* Layouts follow the widget's own width (a 240 px sidebar or a 1200 px page), not the viewport's. */
    container-type: inline-size;
    /* Long words wrap at their edges only when nothing else fits (never mid-word otherwise). */
    overflow-wrap: break-word;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  a {
    color: var(--da-scorecard-accent, #0b5cad);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  a:focus-visible {
    outline: 2px solid var(--da-scorecard-accent, #0b5cad);
    outline-offset: 2px;
    border-radius: 2px;
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em;
  }
  header > div {
    min-width: 0;
  }
  .name {
    display: block;
    margin: 0;
    font-size: 1.15em;
    font-weight: 650;
  }
  .muted {
    color: var(--da-scorecard-muted, #59636e);
    font-size: 0.9em;
    margin: 0.15em 0 0;
  }
  .grade {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    flex: none;
    min-width: 1.9em;
    height: 1.6em;
    padding: 0 0.3em;
    border-radius: 0.3em;
    font-weight: 700;
    color: var(--da-scorecard-grade-text, var(--grade-ink));
    background: var(--grade-colour);
    border: 2px solid var(--grade-line);
    border-radius: var(--grade-radius);
  }
  .grade.big {
    min-width: 2.2em;
    height: 2.2em;
    font-size: 1.5em;
  }
  /* Tile, letter, border and shape from the palette; partners' --da-scorecard-grade-* override the tile and bar colour. */
  .g-A { --grade-colour: var(--da-scorecard-grade-a, var(--grade-a-background)); --grade-bar: var(--da-scorecard-grade-a, var(--grade-a-line)); --grade-line: var(--grade-a-line); --grade-ink: var(--grade-a-ink); --grade-radius: var(--grade-a-radius); }
  .g-B { --grade-colour: var(--da-scorecard-grade-b, var(--grade-b-background)); --grade-bar: var(--da-scorecard-grade-b, var(--grade-b-line)); --grade-line: var(--grade-b-line); --grade-ink: var(--grade-b-ink); --grade-radius: var(--grade-b-radius); }
  .g-C { --grade-colour: var(--da-scorecard-grade-c, var(--grade-c-background)); --grade-bar: var(--da-scorecard-grade-c, var(--grade-c-line)); --grade-line: var(--grade-c-line); --grade-ink: var(--grade-c-ink); --grade-radius: var(--grade-c-radius); }
  .g-D { --grade-colour: var(--da-scorecard-grade-d, var(--grade-d-background)); --grade-bar: var(--da-scorecard-grade-d, var(--grade-d-line)); --grade-line: var(--grade-d-line); --grade-ink: var(--grade-d-ink); --grade-radius: var(--grade-d-radius); }
  .g-F { --grade-colour: var(--da-scorecard-grade-f, var(--grade-f-background)); --grade-bar: var(--da-scorecard-grade-f, var(--grade-f-line)); --grade-line: var(--grade-f-line); --grade-ink: var(--grade-f-ink); --grade-radius: var(--grade-f-radius); }
  .g-none { --grade-colour: var(--da-scorecard-grade-none, var(--grade-none-background)); --grade-bar: var(--da-scorecard-grade-none, var(--grade-none-line)); --grade-line: var(--grade-none-line); --grade-ink: var(--grade-none-ink); --grade-radius: var(--grade-none-radius); }
  .summary {
    margin: 0.6em 0;
  }
  ol.standards {
    list-style: none;
    margin: 0.5em 0;
    padding: 0;
    display: grid;
    gap: 0.3em;
  }
  /* Narrow: the standard's full name on its own line, its bar and grade below. */
  .standard {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.15em 0.5em;
    font-size: 0.9em;
  }
  .label {
    grid-column: 1 / -1;
  }
  @container (min-width: 400px) {
    .standard {
      grid-template-columns: minmax(0, 3fr) minmax(3em, 2fr) auto;
    }
    .label {
      grid-column: auto;
    }
  }
  @container (min-width: 720px) {
    ol.standards {
      grid-template-columns: 1fr 1fr;
      column-gap: 1.5em;
    }
  }
  .track {
    height: 0.55em;
    border-radius: 1em;
    background: var(--da-scorecard-track, #eaeef2);
    overflow: hidden;
  }
  .bar {
    display: block;
    height: 100%;
    width: var(--score, 0%);
    background: var(--grade-bar);
  }
  .standard .grade {
    min-width: 1.7em;
    height: 1.4em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.9em;
    margin-top: 0.75em;
    padding-top: 0.6em;
    border-top: 1px solid var(--da-scorecard-border, #d0d7de);
    color: var(--da-scorecard-muted, #59636e);
    font-size: 0.85em;
  }
  .coalition {
    flex-basis: 100%;
  }
  .demo {
    font-weight: 650;
    color: var(--da-scorecard-demo-fg, #7a4b00);
    background: var(--da-scorecard-demo-bg, #fff4d6);
    border-radius: 0.3em;
    padding: 0 0.35em;
  }
  .chart {
    position: relative;
    margin: 0.5em auto 0;
    max-width: 480px;
    aspect-ratio: 1;
  }
  details {
    margin-top: 0.4em;
    font-size: 0.9em;
  }
  summary {
    cursor: pointer;
    color: var(--da-scorecard-accent, #0b5cad);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-top: 0.4em;
    font-size: 0.9em;
  }
  th,
  td {
    padding: 0.25em 0.35em;
    border-bottom: 1px solid var(--da-scorecard-border, #d0d7de);
    text-align: start;
    font-weight: normal;
    vertical-align: middle;
  }
  thead th,
  tbody th[scope='row'].overall {
    font-weight: 650;
  }
  .key {
    margin: 0.5em 0 0;
    font-size: 0.85em;
  }
  .candidates {
    list-style: none;
    margin: 0.6em 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .candidates li {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .coverage {
    display: block;
    margin: 0;
  }
  .who {
    display: none;
  }
  /*
   * Narrow: the comparison stacks rather than squeezing names into columns. Each standard is
   * a block (title, then a tile per candidate named in its cell); the column headings stay
   * for screen readers only.
   */
  @container (max-width: 439px) {
    .compare table,
    .compare tbody,
    .compare tr,
    .compare th,
    .compare td {
      display: block;
    }
    .compare thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    .compare tbody tr {
      padding: 0.35em 0;
      border-bottom: 1px solid var(--da-scorecard-border, #d0d7de);
    }
    .compare th,
    .compare td {
      border: 0;
      padding: 0.1em 0;
    }
    .compare td {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5em;
    }
    .who {
      display: inline;
    }
  }
  .badge-body {
    display: flex;
    align-items: center;
    gap: 0.75em;
  }
  .badge-body p {
    margin: 0;
  }
  .standard-title {
    font-weight: 650;
  }
  .fallback {
    font-size: 0.9em;
    color: var(--da-scorecard-muted, #59636e);
  }
  .fallback p {
    margin: 0;
  }
`;
