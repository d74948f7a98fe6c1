import { html, nothing, type PropertyValues } from 'lit';
import { WorkspaceView } from '../../workspace-view.js';

/** A person as the pickers list them: by name, sent by slug. */
export interface PersonChoice {
  slug: string;
  name: string;
}

/**
 * Choosing people by name, never by typing slugs (issue 14), inside an admin form. Unordered
 * (an event's participants): one checkbox per person. Ordered (an election's candidates, in
 * ballot order): the chosen people as a list, each with buttons to move up, move down or remove,
 * and a list of the others to add from. Either way the form sends the chosen slugs under `name`
 * (read them with `FormData.getAll`). Everything is a native control in a fieldset, so keyboard
 * and screen reader work as in any form.
 */
export class PeoplePicker extends WorkspaceView {
  static properties = {
    people: { attribute: false },
    selected: { attribute: false },
    ordered: { type: Boolean },
    name: {},
    label: {},
    error: {},
    fieldId: { attribute: 'field-id' },
    _chosen: { state: true },
  };
  /** Everyone who may be chosen. */
  declare people: PersonChoice[];
  /** The slugs chosen when the form opens. */
  declare selected: string[];
  /** Whether order matters (ballot order). */
  declare ordered: boolean;
  /** The form field the slugs are sent as. */
  declare name: string;
  /** The fieldset's legend. */
  declare label: string;
  /** The server's message for this field, if any. */
  declare error: string | undefined;
  /** A unique prefix for the controls' ids. */
  declare fieldId: string;
  declare _chosen: string[];

  constructor() {
    super();
    this.people = [];
    this.selected = [];
    this.ordered = false;
    this.name = 'people';
    this.label = '';
    this.fieldId = 'picker';
    this._chosen = [];
  }

  protected willUpdate(changed: PropertyValues<this>) {
    // A re-render of the form passes a new array with the same people: keep what the admin changed.
    const before = changed.get('selected') as string[] | undefined;
    if (changed.has('selected') && before?.join() !== this.selected.join()) this._chosen = [...this.selected];
  }

  private _nameOf(slug: string) {
    return this.people.find((p) => p.slug === slug)?.name ?? slug;
  }

  /** Moves or removes a chosen person, keeping the focus on a control that still exists. */
  private async _change(next: string[], focus: string) {
    this._chosen = next;
    await this.updateComplete;
    this.querySelector<HTMLElement>(focus)?.focus();
  }

  private _add() {
    const select = this.querySelector<HTMLSelectElement>(`#${this.fieldId}-add`);
    if (!select?.value) return;
    void this._change([...this._chosen, select.value], `#${this.fieldId}-add`);
  }

  render() {
    const r = this.ws.records;
    const errorId = `${this.fieldId}-error`;
    const error = this.error ? html`<p class="field-error" id=${errorId}>${this.error}</p>` : nothing;
    if (this.people.length === 0)
      return html`<fieldset class="people-picker"><legend>${this.label}</legend><p>${r.noPeople}</p></fieldset>`;
    if (!this.ordered) {
      return html`<fieldset class="people-picker" aria-describedby=${this.error ? errorId : nothing}>
        <legend>${this.label}</legend>${error}
        <div class="people-picker__checks">${this.people.map(
          (p) =>
            html`<label><input type="checkbox" name=${this.name} value=${p.slug} .checked=${this._chosen.includes(p.slug)}> ${p.name}</label>`,
        )}</div>
      </fieldset>`;
    }
    const chosen = this._chosen;
    const others = this.people.filter((p) => !chosen.includes(p.slug));
    const move = (i: number, by: number) => {
      const next = [...chosen];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    };
    return html`<fieldset class="people-picker" aria-describedby=${this.error ? errorId : nothing}>
      <legend>${this.label}</legend>${error}
      ${
        chosen.length
          ? html`<ol class="people-picker__choices">${chosen.map((slug, i) => {
              const name = this._nameOf(slug);
              return html`<li><input type="hidden" name=${this.name} value=${slug}><span>${name}</span>
                <button type="button" class="button button--quiet" id="${this.fieldId}-up-${slug}" ?disabled=${i === 0}
                  @click=${() => this._change(move(i, -1), i - 1 === 0 ? `#${this.fieldId}-down-${slug}` : `#${this.fieldId}-up-${slug}`)} aria-label=${r.moveUp(name)}>${r.moveUpShort}</button>
                <button type="button" class="button button--quiet" id="${this.fieldId}-down-${slug}" ?disabled=${i === chosen.length - 1}
                  @click=${() => this._change(move(i, 1), i + 1 === chosen.length - 1 ? `#${this.fieldId}-up-${slug}` : `#${this.fieldId}-down-${slug}`)} aria-label=${r.moveDown(name)}>${r.moveDownShort}</button>
                <button type="button" class="button button--quiet" @click=${() =>
                  this._change(
                    chosen.filter((s) => s !== slug),
                    `#${this.fieldId}-add`,
                  )} aria-label=${r.removeCandidate(name)}>${r.removeShort}</button></li>`;
            })}</ol>`
          : html`<p class="muted">${r.noCandidates}</p>`
      }
      ${
        others.length
          ? html`<div class="people-picker__add"><div class="field"><label for="${this.fieldId}-add">${r.addCandidate}</label>
            <select id="${this.fieldId}-add"><option value="">${r.choosePerson}</option>${others.map((p) => html`<option value=${p.slug}>${p.name}</option>`)}</select></div>
            <button type="button" class="button button--quiet" @click=${this._add}>${r.add}</button></div>`
          : nothing
      }
    </fieldset>`;
  }
}
