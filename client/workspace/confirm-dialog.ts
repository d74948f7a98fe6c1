import { html, nothing, render, type TemplateResult } from 'lit';

/** What a confirmation asks (issue 14): the question, what follows from it, and the buttons' words. */
export interface Confirmation {
  title: string;
  /** Paragraphs, and optionally a list (what goes with a deletion, what depends on a record). */
  body: Array<string | string[]>;
  confirm: string;
  cancel: string;
  /** A second way out besides cancelling, e.g. "Archive instead" next to "Delete". */
  alternative?: string;
  /** The confirm button in the danger style: deleting, disabling. */
  danger?: boolean;
}

let opened = 0;

/**
 * Asks before a destructive or access-changing action, in a native modal <dialog>: the browser
 * keeps focus and the screen reader inside it, Escape cancels, and it is announced as a dialog
 * named by its title and described by its text. Cancel has the focus first, so an Enter pressed
 * by habit changes nothing; focus returns to the button that opened it. Resolves to `confirm`,
 * `alternative` or `cancel`.
 */
export function confirmAction(ask: Confirmation): Promise<'confirm' | 'alternative' | 'cancel'> {
  const id = `confirm-${++opened}`;
  const opener = document.activeElement as HTMLElement | null;
  const dialog = document.createElement('dialog');
  dialog.className = 'confirm-dialog';
  dialog.setAttribute('aria-labelledby', `${id}-title`);
  dialog.setAttribute('aria-describedby', `${id}-body`);
  const paragraph = (part: string | string[]): TemplateResult =>
    typeof part === 'string' ? html`<p>${part}</p>` : html`<ul>${part.map((item) => html`<li>${item}</li>`)}</ul>`;
  render(
    html`<form method="dialog">
      <h2 id="${id}-title">${ask.title}</h2>
      <div id="${id}-body">${ask.body.map(paragraph)}</div>
      <div class="actions">
        <button type="submit" class="button button--quiet" value="cancel" autofocus>${ask.cancel}</button>
        ${ask.alternative ? html`<button type="submit" class="button button--quiet" value="alternative">${ask.alternative}</button>` : nothing}
        <button type="submit" class="button ${ask.danger ? 'button--danger' : ''}" value="confirm">${ask.confirm}</button>
      </div>
    </form>`,
    dialog,
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        const answer = dialog.returnValue === 'confirm' || dialog.returnValue === 'alternative' ? dialog.returnValue : 'cancel';
        dialog.remove();
        if (opener?.isConnected) opener.focus();
        resolve(answer);
      },
      { once: true },
    );
    dialog.showModal();
  });
}
