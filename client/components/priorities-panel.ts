import { html } from 'lit';
import { describeWeighting } from '../../i18n/format.js';
import { DEFAULT_WEIGHT, isEqualWeighting, WEIGHT_MAX, WEIGHT_MIN } from '../../core/scoring/weights.js';
import { LightElement } from './light-element.js';

export interface PriorityStandard {
  slug: string;
  number: number;
  short: string;
}

/** Fired on every change of a weight, and on reset; `detail.weights` is the new weighting. */
export type PrioritiesChangeEvent = CustomEvent<{ weights: Record<string, number> }>;

/**
 * "Your priorities": a slider from 0 to 3 per standard and a reset to equal weights. It
 * only edits the weighting and says which one is shown; the page recomputes the grades.
 */
export class PrioritiesPanel extends LightElement {
  static properties = {
    standards: { attribute: false },
    weights: { attribute: false },
    open: { type: Boolean },
    result: { attribute: false },
  };

  /** The ten standards in order. */
  declare standards: PriorityStandard[];
  /** The weighting shown; a missing standard weighs 1. */
  declare weights: Record<string, number>;
  /** Starts unfolded (a shared link with a weighting opens it). */
  declare open: boolean;
  /** The recomputed grades in words, announced to screen readers after each change. */
  declare result: string;

  constructor() {
    super();
    this.standards = [];
    this.weights = {};
    this.open = false;
    this.result = '';
  }

  private _weight(slug: string): number {
    return this.weights[slug] ?? DEFAULT_WEIGHT;
  }

  private _emit(weights: Record<string, number>) {
    this.weights = weights;
    this.dispatchEvent(new CustomEvent('priorities-change', { detail: { weights }, bubbles: true }));
  }

  private _onInput(slug: string, event: Event) {
    const value = Number((event.target as HTMLInputElement).value);
    this._emit({ ...this.weights, [slug]: value });
  }

  private _onReset() {
    this._emit({});
  }

  private _onToggle(event: Event) {
    this.open = (event.target as HTMLDetailsElement).open;
  }

  render() {
    const msg = this.msg;
    const words = msg.priorities.weightWords;
    const equal = isEqualWeighting(this.weights);
    return html`<details ?open=${this.open} @toggle=${this._onToggle}>
      <summary>${msg.priorities.summary}</summary>
      <p>${msg.priorities.intro}</p>
      <ul class="priority-list">
        ${this.standards.map((s) => {
          const weight = this._weight(s.slug);
          const valueText = msg.priorities.weightValue(weight, words[weight] ?? String(weight));
          return html`<li class="priority">
            <label for="weight-${s.slug}">${s.number}. ${s.short}</label>
            <output for="weight-${s.slug}" aria-hidden="true">${valueText}</output>
            <input
              type="range"
              id="weight-${s.slug}"
              name=${s.slug}
              min=${WEIGHT_MIN}
              max=${WEIGHT_MAX}
              step="1"
              .value=${String(weight)}
              aria-valuetext=${valueText}
              @input=${(e: Event) => this._onInput(s.slug, e)}
            />
          </li>`;
        })}
      </ul>
      <div class="priorities-actions">
        <button type="button" class="button button--quiet" ?disabled=${equal} @click=${this._onReset}>${msg.priorities.reset}</button>
        <p class="muted" role="status">${describeWeighting(
          msg,
          this.weights,
          this.standards.map((s) => s.slug),
        )} ${this.result}</p>
      </div>
    </details>`;
  }
}
