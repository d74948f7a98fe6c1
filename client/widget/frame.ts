import { MEASURE_REQUEST, RESIZE_MESSAGE, type ResizeMessage } from './resize-message.js';

/**
 * Runs inside /embed/:slug. Tells the parent page how tall the scorecard is whenever that
 * changes, and again when asked, in three dialects so partners need nothing new:
 * - our own message, read by widget-resize.js;
 * - pym.js (`pym.Parent` adds `childId` to the frame's URL and listens for
 *   `pymxPYMx<id>xPYMxheightxPYMx<px>`; its width messages ask for the height again);
 * - AMP's `embed-size` (`amp-iframe resizable` shows a resize request for it).
 * The height is not secret, so any parent may read it ('*'); each parent script checks where
 * messages come from.
 */
if (window.parent !== window) {
  const pymId = new URLSearchParams(location.search).get('childId');
  const pymPrefix = pymId ? `pymxPYMx${pymId}xPYMx` : null;
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: ResizeMessage = { type: RESIZE_MESSAGE, height };
    window.parent.postMessage(message, '*');
    window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    if (pymPrefix) window.parent.postMessage(`${pymPrefix}heightxPYMx${height}`, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data as unknown;
    const asked =
      (data as { type?: unknown } | null)?.type === MEASURE_REQUEST ||
      (pymPrefix !== null && typeof data === 'string' && data.startsWith(`${pymPrefix}width`));
    if (!asked) return;
    last = 0;
    report();
  });
}
