import { html } from 'lit';
import { LightElement } from './light-element.js';

interface FilterOption {
  value: string;
  label: string;
}

/**
 * Filters the served evidence list by standard at once, without a reload (or, for a long record
 * served in part, by loading the standard's page), and keeps
 * `?standard=` in the address so the filtered view can be shared. Without JavaScript the
 * served form does the same with a page load.
 */
export class EvidenceFilter extends LightElement {
  static properties = { list: {}, _value: { state: true } };

  /** The id of the <ol> of evidence entries (each <li> carries data-standard). */
  declare list: string;
  declare _value: string;
  private _options: FilterOption[] = [];
  private _label = '';

  constructor() {
    super();
    this.list = '';
    this._value = '';
  }

  connectedCallback(): void {
    // Read the choices from the served form before it is replaced.
    const select = this.querySelector('select');
    if (select) {
      this._options = [...select.options].map((o) => ({ value: o.value, label: o.text }));
      this._value = select.value;
      this._label = this.querySelector('label')?.textContent ?? '';
    }
    super.connectedCallback();
  }

  private _onChange(event: Event) {
    this._value = (event.target as HTMLSelectElement).value;
    const url = new URL(location.href);
    if (this._value) url.searchParams.set('standard', this._value);
    else url.searchParams.delete('standard');
    // A long record is served in part (data-partial): the chosen standard's entries are not in
    // this page, so load its page, as the form does without JavaScript.
    if (document.getElementById(this.list)?.hasAttribute('data-partial')) {
      url.hash = 'evidence';
      location.assign(url);
      return;
    }
    history.replaceState(history.state, '', url);
    this._apply();
  }

  private _apply() {
    const items = [...(document.getElementById(this.list)?.children ?? [])] as HTMLElement[];
    let shown = 0;
    for (const item of items) {
      const visible = !this._value || item.dataset.standard === this._value;
      item.hidden = !visible;
      if (visible) shown++;
    }
    const status = document.querySelector('[data-evidence-status]');
    if (status) {
      const e = this.msg.evidence;
      status.textContent = items.length === 0 ? e.none : shown === 0 ? e.noneForStandard : e.shown(shown, items.length);
    }
  }

  render() {
    return html`<div class="evidence-filter">
      <label for="evidence-standard">${this._label}</label>
      <select id="evidence-standard" name="standard" @change=${this._onChange}>
        ${this._options.map((o) => html`<option value=${o.value} ?selected=${o.value === this._value}>${o.label}</option>`)}
      </select>
    </div>`;
  }
}
