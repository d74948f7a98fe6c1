import { LitElement } from 'lit';
import { messagesFor, type Messages } from '../../i18n/catalog.js';

/**
 * A component that enhances HTML the server already rendered. It renders into the light
 * DOM, so the page's stylesheet styles it exactly like the served markup, and it replaces
 * the served fallback (kept for readers without JavaScript) when it first renders.
 */
export class LightElement extends LitElement {
  protected createRenderRoot(): HTMLElement {
    this.replaceChildren();
    return this;
  }

  /** The page's UI strings, in the page's language (`<html lang>`). */
  protected get msg(): Messages {
    return messagesFor(document.documentElement.lang);
  }
}
