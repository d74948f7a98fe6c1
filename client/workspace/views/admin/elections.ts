import { html } from 'lit';
import { AdminSection, lines, load, optional, values } from './admin-section.js';

interface Election {
  slug: string;
  name: string;
  electionDate: string;
  registrationDeadline?: string | null;
  infoUrl?: string | null;
  results?: string | null;
  candidates: Array<{ slug: string }>;
}

/** Elections: add one, edit one (its candidates are slugs, one a line). */
export class AdminElections extends AdminSection<Election[]> {
  protected load() {
    return load<Election[]>('/api/elections');
  }

  protected renderLoaded(elections: Election[]) {
    const a = this.ws.admin;
    const body = (v: Record<string, string>, editing: boolean) => ({
      name: v.name,
      electionDate: v.electionDate,
      registrationDeadline: optional(v.registrationDeadline),
      infoUrl: optional(v.infoUrl),
      // Emptied on an existing election, the results are cleared (null), e.g. after a typo in the wrong election.
      results: optional(v.results) ?? (editing ? null : undefined),
      candidates: lines(v.candidates),
    });
    const fields = (el: Partial<Election>, prefix: string) =>
      html`${this._field('name', a.name, 'text', el.name ?? '', { prefix })}
        ${this._field('electionDate', a.electionDate, 'date', el.electionDate ?? '', { prefix })}
        ${this._field('registrationDeadline', a.registrationDeadline, 'date', el.registrationDeadline ?? '', { prefix, optional: true })}
        ${this._field('infoUrl', a.infoUrl, 'url', el.infoUrl ?? '', { prefix, optional: true })}
        ${this._field('results', a.results, 'textarea', el.results ?? '', { prefix, optional: true, rows: 3 })}
        ${this._field('candidates', a.candidates, 'textarea', (el.candidates ?? []).map((c) => c.slug).join('\n'), { prefix })}`;
    return html`<section class="panel" aria-labelledby="add-election"><h2 id="add-election">${a.addElection}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          const v = values(e.target as HTMLFormElement);
          void this._write('POST', '/api/elections', { slug: v.slug, ...body(v, false) }, a.saved);
        }}>
          ${this._field('slug', a.slug, 'text', '', { prefix: 'new-election' })}${fields({}, 'new-election')}
          <div class="actions"><button type="submit" class="button">${a.createElection}</button></div>
        </form></section>
      <h2>${a.electionsHeading}</h2>
      ${elections.map(
        (el) => html`<details class="panel"><summary>${el.name}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => {
            e.preventDefault();
            void this._write('PATCH', `/api/elections/${el.slug}`, body(values(e.target as HTMLFormElement), true), a.saved);
          }}>
            ${fields(el, `e-${el.slug}`)}
            <div class="actions"><button type="submit" class="button">${a.saveElection(el.name)}</button></div>
          </form></details>`,
      )}`;
  }
}
