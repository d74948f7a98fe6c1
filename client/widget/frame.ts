import { MEASURE_REQUEST, RESIZE_MESSAGE, type ResizeMessage } from './resize-message.js';

/**
 * Runs inside /embed/:slug. Tells the parent page how tall the scorecard is whenever that
 * changes, and again when asked. The height is not secret, so any parent may read it ('*');
 * the partner's side (widget-resize.js) is the one that checks where messages come from.
 */
if (window.parent !== window) {
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: RESIZE_MESSAGE, height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || (event.data as { type?: unknown } | null)?.type !== MEASURE_REQUEST) return;
    last = 0;
    report();
  });
}
