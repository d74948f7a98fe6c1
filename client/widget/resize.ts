import { MEASURE_REQUEST, RESIZE_MESSAGE, type ResizeMessage } from './resize-message.js';

function isResizeMessage(value: unknown): value is ResizeMessage {
  const m = value as ResizeMessage | null;
  return typeof m === 'object' && m !== null && m.type === RESIZE_MESSAGE && Number.isFinite(m.height) && m.height > 0;
}

/**
 * /widget-resize.js, optional, for partner pages that may include a script next to the
 * scorecard iframe: it sizes each scorecard iframe to its content. Only messages from the
 * scorecard site's own origin, and only from one of the page's iframes, are obeyed.
 */
const scorecardOrigin = new URL(import.meta.url).origin;

window.addEventListener('message', (event) => {
  if (event.origin !== scorecardOrigin || !isResizeMessage(event.data)) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.min(event.data.height, 4000)}px`;
      return;
    }
  }
});

// Frames that finished loading before this script ran have already reported once, unheard.
// The request carries nothing, so any frame may receive it; only scorecard frames answer.
for (const frame of document.querySelectorAll('iframe')) {
  frame.contentWindow?.postMessage({ type: MEASURE_REQUEST }, '*');
}
