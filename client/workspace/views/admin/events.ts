import { html, nothing } from 'lit';
import { FLYER_ACCEPT, MAX_FLYER_BYTES, MAX_FLYER_MEGABYTES } from '../../../../core/flyers.js';
import type { PublicEvent } from '../../../../server/schemas/events.js';
import type { PublicSubject } from '../../../../server/schemas/subjects.js';
import { inPageLanguage } from '../../api.js';
import { AdminSection, load, optional, values } from './admin-section.js';

interface Loaded {
  events: PublicEvent[];
  people: PublicSubject[];
}

/** An ISO time as a datetime-local field shows it: the admin's own clock, to the minute. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Events: add one, edit one, its flyer (an image or a PDF), delete or archive one. */
export class AdminEvents extends AdminSection<Loaded> {
  protected async load() {
    const [events, people] = await Promise.all([
      load<PublicEvent[]>('/api/events?include=archived'),
      load<PublicSubject[]>('/api/subjects?include=archived'),
    ]);
    return events && people && { events, people };
  }

  protected fieldLabels() {
    const a = this.ws.admin;
    return {
      title: a.eventTitle,
      startsAt: a.startsAt,
      place: a.place,
      description: a.description,
      url: a.url,
      subjects: this.ws.records.participants,
      flyer: a.currentFlyer,
    };
  }

  /** The body a create or edit form sends; an emptied optional field clears it when editing. */
  private _body(form: HTMLFormElement, clear: boolean) {
    const v = values(form);
    // A datetime-local value has no offset; the API wants one, and the browser knows the admin's.
    const startsAt = v.startsAt ? new Date(v.startsAt).toISOString() : '';
    return {
      title: v.title,
      startsAt,
      place: v.place,
      description: optional(v.description) ?? (clear ? null : undefined),
      url: optional(v.url) ?? (clear ? null : undefined),
      subjects: new FormData(form).getAll('subjects').map(String),
      // The Spanish text beside the English; emptied when editing, it is cleared (null).
      translations: {
        es: {
          title: optional(v.titleEs) ?? (clear ? null : undefined),
          description: optional(v.descriptionEs) ?? (clear ? null : undefined),
        },
      },
    };
  }

  /** Flyers go up as multipart/form-data (a file, not JSON); same-origin fetch carries the cookie and Origin. */
  private async _uploadFlyer(event: Event, ev: PublicEvent) {
    event.preventDefault();
    const w = this.ws;
    const r = w.records;
    const form = event.target as HTMLFormElement;
    const file = form.querySelector<HTMLInputElement>('input[type=file]')?.files?.[0];
    // Said before anything is sent: the limit is on the label too.
    if (!file) return this._show({ ok: false, text: r.chooseFile });
    if (file.size > MAX_FLYER_BYTES) return this._show({ ok: false, text: r.flyerTooLarge(file.name, MAX_FLYER_MEGABYTES) });
    try {
      const res = await fetch(`/api/events/${ev.id}/flyer`, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
      const body = (await res.json().catch(() => ({}))) as { message?: string; details?: Array<{ message: string }> };
      this._message = {
        ok: res.ok,
        text: res.ok
          ? w.admin.saved
          : res.status === 413
            ? r.flyerTooLarge(file.name, MAX_FLYER_MEGABYTES)
            : w.serverError(body.details?.map((d) => inPageLanguage(d.message)).join('; ') || body.message || String(res.status)),
      };
      if (res.ok) await this._list.run();
    } catch {
      this._message = { ok: false, text: w.networkError };
    }
    await this._show(this._message);
  }

  private async _removeFlyer(ev: PublicEvent) {
    const r = this.ws.records;
    const answer = await this._confirm({
      title: r.removeFlyerTitle(ev.title),
      body: [r.removeFlyerBody],
      confirm: r.removeFlyer(ev.title),
      danger: true,
    });
    if (answer === 'confirm') await this._write('DELETE', `/api/events/${ev.id}/flyer`, undefined, this.ws.admin.saved);
  }

  private _fields(ev: Partial<PublicEvent>, prefix: string, people: PublicSubject[]) {
    const a = this.ws.admin;
    const choices = people
      .filter((p) => !p.archivedAt || ev.subjects?.some((s) => s.slug === p.slug))
      .map((p) => ({ slug: p.slug, name: p.name }));
    return html`${this._field('title', a.eventTitle, 'text', ev.title ?? '', { prefix })}
      ${this._field('startsAt', a.startsAt, 'datetime-local', ev.startsAt ? localInput(ev.startsAt) : '', { prefix })}
      ${this._field('place', a.place, 'text', ev.place ?? '', { prefix })}
      ${this._field('description', a.description, 'textarea', ev.description ?? '', { prefix, optional: true })}
      ${this._field('titleEs', a.eventTitleEs, 'text', ev.translations?.es.title ?? '', { prefix, optional: true, lang: 'es' })}
      ${this._field('descriptionEs', a.descriptionEs, 'textarea', ev.translations?.es.description ?? '', { prefix, optional: true, lang: 'es' })}
      ${this._field('url', a.url, 'url', ev.url ?? '', { prefix, optional: true })}
      <sc-people-picker name="subjects" field-id="${prefix}-subjects" .label=${this.ws.records.participants} .people=${choices}
        .selected=${(ev.subjects ?? []).map((s) => s.slug)} .error=${this._errors.get('subjects')}></sc-people-picker>`;
  }

  private _event(ev: PublicEvent, people: PublicSubject[]) {
    const a = this.ws.admin;
    const r = this.ws.records;
    const prefix = `ev-${ev.id}`;
    const pdf = ev.flyerUrl?.endsWith('.pdf');
    return html`<li class="panel">
      <p><strong>${ev.title}</strong>, ${new Date(ev.startsAt).toLocaleString(this.msg.langTag)}, ${ev.place}${ev.archivedAt ? html`<span class="record-tag">${r.archivedTag}</span>` : nothing}</p>
      ${ev.flyerUrl ? html`<p><a href=${ev.flyerUrl}>${pdf ? r.currentFlyerPdf : a.currentFlyer}</a></p>` : nothing}
      <details><summary>${r.editEvent(ev.title)}</summary>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          void this._write('PATCH', `/api/events/${ev.id}`, this._body(e.target as HTMLFormElement, true), a.saved);
        }}>
          ${this._fields(ev, prefix, people)}
          <div class="actions"><button type="submit" class="button">${r.saveEvent(ev.title)}</button></div>
        </form></details>
      <form class="ws-form" novalidate @submit=${(e: Event) => this._uploadFlyer(e, ev)}>
        <div class="field"><label for="flyer-${ev.id}">${r.flyer(ev.title, MAX_FLYER_MEGABYTES)}</label><input id="flyer-${ev.id}" name="flyer" type="file" accept=${FLYER_ACCEPT}></div>
        <div class="actions"><button type="submit" class="button button--quiet">${a.uploadFlyer(ev.title)}</button>
          ${ev.flyerUrl ? html`<button type="button" class="button button--quiet" @click=${() => this._removeFlyer(ev)}>${r.removeFlyer(ev.title)}</button>` : nothing}</div>
      </form>
      <div class="actions">
        ${
          ev.archivedAt
            ? html`<button type="button" class="button button--quiet" @click=${() => this._write('POST', `/api/events/${ev.id}/restore`, undefined, r.restored(ev.title))}>${r.restore(ev.title)}</button>`
            : nothing
        }
        <button type="button" class="button button--quiet" @click=${() => this._remove(`/api/events/${ev.id}`, ev.title)}>${r.remove(ev.title)}</button>
      </div></li>`;
  }

  protected renderLoaded({ events, people }: Loaded) {
    const a = this.ws.admin;
    const r = this.ws.records;
    const active = events.filter((ev) => !ev.archivedAt);
    const archived = events.filter((ev) => ev.archivedAt);
    return html`<section class="panel" aria-labelledby="add-event"><h2 id="add-event">${a.addEvent}</h2>
        <form class="ws-form" novalidate @submit=${(e: Event) => {
          e.preventDefault();
          void this._write('POST', '/api/events', this._body(e.target as HTMLFormElement, false), a.saved);
        }}>
          ${this._fields({}, 'ev', people)}
          <div class="actions"><button type="submit" class="button">${a.createEvent}</button></div>
        </form></section>
      <h2>${a.eventsHeading}</h2>
      <ul class="event-list">${active.map((ev) => this._event(ev, people))}</ul>
      ${archived.length ? html`<h2>${r.archivedHeading}</h2><ul class="event-list">${archived.map((ev) => this._event(ev, people))}</ul>` : nothing}`;
  }
}
