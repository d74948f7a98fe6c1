/**
 * The messages between an embedded scorecard page and widget-resize.js on the partner page.
 * The frame reports its content height; the partner script asks frames that loaded before
 * it did to report again. (Constants and types only: the build inlines them, so the two tiny
 * scripts share no chunk.)
 */
export const RESIZE_MESSAGE = 'da-scorecard:resize';
export const MEASURE_REQUEST = 'da-scorecard:measure';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE;
  height: number;
}
