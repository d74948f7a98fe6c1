/**
 * The one message an embedded scorecard page sends its parent: its content height, so a
 * partner page that includes widget-resize.js can size the iframe to fit. (A constant and a
 * type only: the build inlines it, so the two tiny scripts share no chunk.)
 */
export const RESIZE_MESSAGE = 'da-scorecard:resize';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE;
  height: number;
}
