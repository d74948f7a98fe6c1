import { DaScorecard } from './scorecard-widget.js';

export const TAG = 'da-scorecard';

/**
 * Registers `<da-scorecard>` once. A partner page may include the script twice (two
 * snippets, or two copies with different URLs): the second registration is skipped instead
 * of throwing, and the first copy keeps serving every element.
 */
export function defineScorecard(siteBase: string): void {
  if (customElements.get(TAG)) return;
  DaScorecard.siteBase = siteBase;
  customElements.define(TAG, DaScorecard);
}

declare global {
  interface HTMLElementTagNameMap {
    'da-scorecard': DaScorecard;
  }
}
