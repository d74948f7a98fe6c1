import { html, nothing } from 'lit';
import { AdminSection, lines, load, optional, values } from './admin-section.js';

interface AdminEvent {
  id: number;
  title: string;
  startsAt: string;
  place: string;
  flyerUrl: string | null;
  translations?: { es: { title: string | null; description: string | null } };
}

/** Events: add one, upload its flyer, delete it. */
export class AdminEvents extends AdminSection<AdminEvent[]> {
  protected load() {
    return load<AdminEvent[]>('/api/events');
  }

  private _onCreate(e: Event) {
    e.preventDefault();
    const v = values(e.target as HTMLFormElement);
    // A datetime-local value has no offset; the API wants one, and events happen in Sacramento.
    const startsAt = v.startsAt ? new Date(v.startsAt).toISOString() : '';
    void this._write(
      'POST',
      '/api/events',
      {
        title: v.title,
        startsAt,
        place: v.place,
        description: optional(v.description),
        url: optional(v.url),
        subjects: lines(v.subjects),
        translations: { es: { title: optional(v.titleEs), description: optional(v.descriptionEs) } },
      },
      this.ws.admin.saved,
    );
  }

  /** Sets or clears (when emptied) an event's Spanish title and description. */
  private _saveSpanish(e: Event, id: number) {
    e.preventDefault();
    const v = values(e.target as HTMLFormElement);
    const es = { title: optional(v.titleEs) ?? null, description: optional(v.descriptionEs) ?? null };
    void this._write('PATCH', `/api/events/${id}`, { translations: { es } }, this.ws.admin.saved);
  }

  /** Flyers go up as multipart/form-data (a file, not JSON); same-origin fetch carries the cookie and Origin. */
  private async _uploadFlyer(event: Event, id: number) {
    event.preventDefault();
    const w = this.ws;
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const res = await fetch(`/api/events/${id}/flyer`, { method: 'POST', body: form, credentials: 'same-origin' });
      const body = (await res.json().catch(() => ({}))) as { message?: string; details?: Array<{ message: string }> };
      this._message = {
        ok: res.ok,
        text: res.ok ? w.admin.saved : w.serverError(body.details?.map((d) => d.message).join('; ') || body.message || String(res.status)),
      };
      if (res.ok) await this._list.run();
    } catch {
      this._message = { ok: false, text: w.networkError };
    }
    await this._show(this._message);
  }

  protected renderLoaded(events: AdminEvent[]) {
    const a = this.ws.admin;
    return html`<section class="panel" aria-labelledby="add-event"><h2 id="add-event">${a.addEvent}</h2>
        <form class="ws-form" novalidate @submit=${this._onCreate}>
          ${this._field('title', a.eventTitle, 'text', '', { prefix: 'ev' })}
          ${this._field('startsAt', a.startsAt, 'datetime-local', '', { prefix: 'ev' })}
          ${this._field('place', a.place, 'text', '', { prefix: 'ev' })}
          ${this._field('description', a.description, 'textarea', '', { prefix: 'ev', optional: true })}
          ${this._field('titleEs', a.eventTitleEs, 'text', '', { prefix: 'ev', optional: true, lang: 'es' })}
          ${this._field('descriptionEs', a.descriptionEs, 'textarea', '', { prefix: 'ev', optional: true, lang: 'es' })}
          ${this._field('url', a.url, 'url', '', { prefix: 'ev', optional: true })}
          ${this._field('subjects', a.eventSubjects, 'textarea', '', { prefix: 'ev', optional: true })}
          <div class="actions"><button type="submit" class="button">${a.createEvent}</button></div>
        </form></section>
      <h2>${a.eventsHeading}</h2>
      <ul class="event-list">${events.map(
        (ev) => html`<li class="panel">${ev.title}, ${new Date(ev.startsAt).toLocaleString(this.msg.langTag)}, ${ev.place}
          ${ev.flyerUrl ? html`<p><a href=${ev.flyerUrl}>${a.currentFlyer}</a></p>` : nothing}
          <details><summary>${a.spanishFor(ev.title)}</summary>
            <form class="ws-form" novalidate @submit=${(e: Event) => this._saveSpanish(e, ev.id)}>
              ${this._field('titleEs', a.eventTitleEs, 'text', ev.translations?.es.title ?? '', { prefix: `ev-${ev.id}`, optional: true, lang: 'es' })}
              ${this._field('descriptionEs', a.descriptionEs, 'textarea', ev.translations?.es.description ?? '', { prefix: `ev-${ev.id}`, optional: true, lang: 'es' })}
              <div class="actions"><button type="submit" class="button button--quiet">${a.saveSpanish(ev.title)}</button></div>
            </form></details>
          <form class="ws-form" novalidate @submit=${(e: Event) => this._uploadFlyer(e, ev.id)}>
            <div class="field"><label for="flyer-${ev.id}">${a.flyerFor(ev.title)}</label><input id="flyer-${ev.id}" name="flyer" type="file" accept="image/png,image/jpeg,image/webp"></div>
            <div class="actions"><button type="submit" class="button button--quiet">${a.uploadFlyer(ev.title)}</button>
              <button type="button" class="button button--quiet" @click=${() => this._write('DELETE', `/api/events/${ev.id}`, undefined, a.saved)}>${a.deleteEvent(ev.title)}</button></div>
          </form></li>`,
      )}</ul>`;
  }
}
