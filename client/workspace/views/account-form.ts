import { html, nothing } from 'lit';
import { WorkspaceView } from '../workspace-view.js';

/**
 * What sign-in, accepting an invitation and the password screens share: a busy flag, one form
 * error, field errors from a 400. These screens load nothing when they open (the token is in
 * the address, checked on submit), so they have no loading state and no @lit/task: a Task would
 * only wrap the submit, whose failure must show beside the typed fields, not instead of the form.
 */
export class AccountForm extends WorkspaceView {
  static properties = { _error: { state: true }, _busy: { state: true }, _fields: { state: true } };
  declare _error: string | null;
  declare _busy: boolean;
  declare _fields: Map<string, string>;

  constructor() {
    super();
    this._error = null;
    this._busy = false;
    this._fields = new Map();
  }

  /** Reads a named control of the submitted form. */
  protected _value(event: Event, name: string): string {
    return ((event.target as HTMLFormElement).elements.namedItem(name) as HTMLInputElement).value;
  }

  protected _fieldError(field: string) {
    return this._fields.has(field) ? html`<p class="field-error" id="error-${field}">${this._fields.get(field)}</p>` : nothing;
  }

  protected _invalid(field: string) {
    return this._fields.has(field) ? 'true' : 'false';
  }

  protected _describedBy(field: string, ...more: string[]) {
    const ids = [...more, ...(this._fields.has(field) ? [`error-${field}`] : [])];
    return ids.length ? ids.join(' ') : nothing;
  }
}
