import { html, nothing } from 'lit';
import type { PublicElection } from '../../../../server/schemas/elections.js';
import type { PublicSubject } from '../../../../server/schemas/subjects.js';
import { AdminSection, load, optional, values } from './admin-section.js';

interface Loaded {
  elections: PublicElection[];
  people: PublicSubject[];
}

/** The candidates a form sends, in the order the picker lists them. */
const chosen = (form: HTMLFormElement) => new FormData(form).getAll('candidates').map(String);

/** Elections: add one, edit one (its candidates chosen by name, in ballot order), delete or archive one. */
export class AdminElections extends AdminSection<Loaded> {
  protected async load() {
    const [elections, people] = await Promise.all([
      load<PublicElection[]>('/api/elections?include=archived'),
      load<PublicSubject[]>('/api/subjects?include=archived'),
    ]);
    return elections && people && { elections, people };
  }

  protected fieldLabels() {
    const a = this.ws.admin;
    return {
      slug: this.ws.records.slug,
      name: a.name,
      electionDate: a.electionDate,
      registrationDeadline: a.registrationDeadline,
      infoUrl: a.infoUrl,
      results: a.results,
      candidates: this.ws.records.candidates,
    };
  }

  protected renderLoaded({ elections, people }: Loaded) {
    const a = this.ws.admin;
    const r = this.ws.records;
    const body = (form: HTMLFormElement, editing: boolean) => {
      const v = values(form);
      return {
        // An emptied Spanish name clears it (null); an English-only election simply has none.
        translations: { es: { name: optional(v.nameEs) ?? null } },
        name: v.name,
        electionDate: v.electionDate,
        registrationDeadline: optional(v.registrationDeadline),
        infoUrl: optional(v.infoUrl),
        // Emptied on an existing election, the results are cleared (null), e.g. after a typo in the wrong election.
        results: optional(v.results) ?? (editing ? null : undefined),
        candidates: chosen(form),
      };
    };
    // Archived people stay choosable by name only where they already stand.
    const choices = (el: Partial<PublicElection>) =>
      people.filter((p) => !p.archivedAt || el.candidates?.some((c) => c.slug === p.slug)).map((p) => ({ slug: p.slug, name: p.name }));
    const fields = (el: Partial<PublicElection>, prefix: string) =>
      html`${prefix === 'new-election' ? this._nameAndSlug(prefix, '/elections/', a.name) : this._field('name', a.name, 'text', el.name ?? '', { prefix })}
        ${this._field('nameEs', a.nameEs, 'text', el.translations?.es.name ?? '', { prefix, optional: true, lang: 'es' })}
        ${this._field('electionDate', a.electionDate, 'date', el.electionDate ?? '', { prefix })}
        ${this._field('registrationDeadline', a.registrationDeadline, 'date', el.registrationDeadline ?? '', { prefix, optional: true })}
        ${this._field('infoUrl', a.infoUrl, 'url', el.infoUrl ?? '', { prefix, optional: true })}
        ${this._field('results', a.results, 'textarea', el.results ?? '', { prefix, optional: true, rows: 3 })}
        <sc-people-picker ordered name="candidates" field-id="${prefix}-candidates" .label=${r.candidates} .people=${choices(el)}
          .selected=${(el.candidates ?? []).map((c) => c.slug)} .error=${this._errors.get('candidates')}></sc-people-picker>`;
    const active = elections.filter((el) => !el.archivedAt);
    const archived = elections.filter((el) => el.archivedAt);
    return html`<section class="panel" aria-labelledby="add-election"><h2 id="add-election">${a.addElection}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          const form = e.target as HTMLFormElement;
          void this._write('POST', '/api/elections', { slug: values(form).slug, ...body(form, false) }, a.saved);
        }}>
          ${fields({}, 'new-election')}
          <div class="actions"><button type="submit" class="button">${a.createElection}</button></div>
        </form></section>
      <h2>${a.electionsHeading}</h2>
      ${active.map(
        (el) => html`<details class="panel"><summary>${el.name}</summary>
          <form class="ws-form" novalidate @submit=${(e: Event) => {
            e.preventDefault();
            void this._write('PATCH', `/api/elections/${el.slug}`, body(e.target as HTMLFormElement, true), a.saved);
          }}>
            ${fields(el, `e-${el.slug}`)}
            <div class="actions"><button type="submit" class="button">${a.saveElection(el.name)}</button>
              <button type="button" class="button button--quiet" @click=${() => this._remove(`/api/elections/${el.slug}`, el.name)}>${r.remove(el.name)}</button></div>
          </form></details>`,
      )}
      ${
        archived.length
          ? html`<h2 id="archived-elections">${r.archivedHeading}</h2>
            <ul class="archived-list" aria-labelledby="archived-elections">${archived.map(
              (el) => html`<li class="panel"><a href="/elections/${el.slug}">${el.name}</a><span class="record-tag">${r.archivedTag}</span>
                <button type="button" class="button button--quiet" @click=${() => this._write('POST', `/api/elections/${el.slug}/restore`, undefined, r.restored(el.name))}>${r.restore(el.name)}</button>
                <button type="button" class="button button--quiet" @click=${() => this._remove(`/api/elections/${el.slug}`, el.name)}>${r.remove(el.name)}</button></li>`,
            )}</ul>`
          : nothing
      }`;
  }
}
