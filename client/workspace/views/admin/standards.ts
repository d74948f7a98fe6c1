import { html } from 'lit';
import type { PublicStandard } from '../../../../server/schemas/standards.js';
import { AdminSection, lines, load, values } from './admin-section.js';

/** The ten standards' text: title, summary, the DA's power, indicators. */
export class AdminStandards extends AdminSection<PublicStandard[]> {
  protected load() {
    return load<PublicStandard[]>('/api/standards');
  }

  protected renderLoaded(standards: PublicStandard[]) {
    const a = this.ws.admin;
    return html`<h2>${a.standardsHeading}</h2>
      ${standards.map(
        (s) => html`<details class="panel"><summary>${s.number}. ${s.title}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => {
            e.preventDefault();
            const v = values(e.target as HTMLFormElement);
            void this._write(
              'PATCH',
              `/api/standards/${s.slug}`,
              { title: v.title, summary: v.summary, daPower: v.daPower, indicators: lines(v.indicators) },
              a.saved,
            );
          }}>
            ${this._field('title', a.standardTitle, 'text', s.title, { prefix: `s-${s.slug}` })}
            ${this._field('summary', a.summary, 'textarea', s.summary, { prefix: `s-${s.slug}`, rows: 4 })}
            ${this._field('daPower', a.daPower, 'textarea', s.daPower, { prefix: `s-${s.slug}`, rows: 3 })}
            ${this._field('indicators', a.indicators, 'textarea', s.indicators.join('\n'), { prefix: `s-${s.slug}`, rows: 4 })}
            <div class="actions"><button type="submit" class="button">${a.saveStandard(s.number)}</button></div>
          </form></details>`,
      )}`;
  }
}
