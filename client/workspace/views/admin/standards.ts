import { html, nothing } from 'lit';
import type { StandardTexts } from '../../../../server/schemas/standard-texts.js';
import { formatDay } from '../../../../i18n/format.js';
import { pageLocale } from '../../language.js';
import { AdminSection, lines, load, values } from './admin-section.js';

/**
 * The ten standards' text, English and Spanish side by side (stacked on a phone), each with its
 * own save. A Spanish text saved before the English last changed is marked "needs update" in
 * the standard's summary line and above its Spanish column, until the Spanish is saved again.
 */
export class AdminStandards extends AdminSection<StandardTexts[]> {
  protected load() {
    return load<StandardTexts[]>('/api/admin/standards');
  }

  private _day(iso: string) {
    return formatDay(this.msg, iso.slice(0, 10));
  }

  protected renderLoaded(standards: StandardTexts[]) {
    const a = this.ws.admin;
    const save = (s: StandardTexts, lang: 'en' | 'es') => (e: Event) => {
      e.preventDefault();
      const v = values(e.target as HTMLFormElement);
      void this._write(
        'PATCH',
        `/api/standards/${s.slug}${lang === 'en' ? '' : `?lang=${lang}`}`,
        { title: v.title, summary: v.summary, daPower: v.daPower, indicators: lines(v.indicators) },
        a.saved,
      );
    };
    return html`<h2>${a.standardsHeading}</h2>
      <p class="lede">${a.standardsIntro}</p>
      ${standards.map((s) => {
        const es = s.translations.es;
        const flag = es.needsUpdate
          ? html`<span class="needs-update" data-testid="needs-update-${s.slug}">${a.needsUpdate}</span>`
          : nothing;
        const column = (
          lang: 'en' | 'es',
          text: { title: string | null; summary: string | null; daPower: string | null; indicators: string[] | null },
        ) => {
          const prefix = `s-${s.slug}-${lang}`;
          const heading = lang === 'en' ? a.standardEnglish : a.standardSpanish;
          const edited = lang === 'en' ? s.en.editedAt : es.editedAt;
          return html`<form class="ws-form standard-text" novalidate aria-labelledby="${prefix}-heading" @submit=${save(s, lang)}>
            <h3 id="${prefix}-heading">${heading}</h3>
            ${edited ? html`<p class="muted">${a.lastEdited(this._day(edited))}</p>` : nothing}
            ${
              lang === 'es' && es.needsUpdate
                ? html`<p class="notice needs-update-detail">${a.needsUpdateDetail(this._day(s.en.editedAt ?? ''), es.editedAt ? this._day(es.editedAt) : null)}</p>`
                : nothing
            }
            ${this._field('title', a.standardTitle, 'text', text.title ?? '', { prefix, lang })}
            ${this._field('summary', a.summary, 'textarea', text.summary ?? '', { prefix, lang, rows: 5 })}
            ${this._field('daPower', a.daPower, 'textarea', text.daPower ?? '', { prefix, lang, rows: 4 })}
            ${this._field('indicators', a.indicators, 'textarea', (text.indicators ?? []).join('\n'), { prefix, lang, rows: 5 })}
            <div class="actions"><button type="submit" class="button">${lang === 'en' ? a.saveStandard(s.number) : a.saveStandardSpanish(s.number)}</button></div>
          </form>`;
        };
        // Named in the page's language where that text exists.
        const spanishTitle = pageLocale() === 'es' && es.title ? es.title : null;
        return html`<details class="panel" ?open=${es.needsUpdate}><summary><span lang=${spanishTitle ? 'es' : 'en'}>${s.number}. ${spanishTitle ?? s.en.title}</span> ${flag}</summary>
          <div class="standard-texts">${column('en', s.en)}${column('es', es)}</div>
        </details>`;
      })}`;
  }
}
