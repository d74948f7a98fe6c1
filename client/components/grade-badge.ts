import { html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/catalog.js';
import { LightElement } from './light-element.js';

/** The same markup as the server's gradeBadge(): the letter and score, and a sentence for screen readers. */
export function gradeTemplate(msg: Messages, grade: string | null, score: number | null, size: string): TemplateResult {
  if (!grade || score === null) {
    return html`<span class="grade grade--${size}" data-grade="none"><span class="grade__letter" aria-hidden="true">–</span><span class="visually-hidden">${msg.grade.none}</span></span>`;
  }
  return html`<span class="grade grade--${size}" data-grade=${grade}><span class="grade__letter" aria-hidden="true">${grade}</span><span class="grade__score" aria-hidden="true">${score}</span><span class="visually-hidden">${msg.grade.label(grade, score)}</span></span>`;
}

/** A grade that can change on the page, e.g. when a voter weighs the standards. */
export class GradeBadge extends LightElement {
  static properties = {
    grade: { reflect: true },
    score: { type: Number, reflect: true },
    size: {},
  };

  /** The letter grade A to F, or null for "not enough evidence". */
  declare grade: string | null;
  /** The rounded score from 0 to 100, or null. */
  declare score: number | null;
  /** `small` (default) or `large`. */
  declare size: string;

  constructor() {
    super();
    this.grade = null;
    this.score = null;
    this.size = 'small';
  }

  render() {
    return gradeTemplate(this.msg, this.grade, this.score, this.size);
  }
}
