import type { Messages } from '../../../../i18n/catalog.js';
import { formatEventTime } from '../../../../i18n/format.js';
import type { PublicEvent } from '../../../schemas/events.js';
import { html, safeUrl, type SafeHtml } from '../../../html/html.js';
import { demoTag, english } from './parts.js';

export function eventItem(msg: Messages, event: PublicEvent, link: (path: string) => string): SafeHtml {
  return html`<li class="panel event">
    <h3 class="event__title">${english(msg, event.title)}${demoTag(msg, event.demo, event.title)}</h3>
    <p class="event__when"><time datetime="${event.startsAt}">${formatEventTime(msg, event.startsAt)}</time></p>
    <p class="event__where"><span class="muted">${msg.events.where}:</span> ${english(msg, event.place)}</p>
    ${event.description ? html`<p>${english(msg, event.description)}</p>` : ''}
    ${
      event.subjects.length
        ? html`<p><span class="muted">${msg.events.with}:</span> ${event.subjects.map(
            (s, i) => html`${i > 0 ? ', ' : ''}<a href="${link(`/people/${s.slug}`)}">${s.name}</a>`,
          )}</p>`
        : ''
    }
    ${event.url ? html`<p><a href="${safeUrl(event.url)}" rel="noopener">${msg.events.moreInfo}<span class="visually-hidden">: ${english(msg, event.title)}</span></a></p>` : ''}
    ${event.flyerUrl ? html`<img class="event__flyer" src="${event.flyerUrl}" alt="${msg.events.flyer(event.title)}" loading="lazy">` : ''}
  </li>`;
}

export interface EventsView {
  upcoming: PublicEvent[];
  past: PublicEvent[];
}

export function eventsBody(msg: Messages, view: EventsView, link: (path: string) => string): SafeHtml {
  return html`
<header class="page-header"><h1>${msg.events.title}</h1><p class="lede">${msg.events.description}</p></header>
<section aria-labelledby="upcoming-heading">
  <h2 id="upcoming-heading">${msg.events.upcoming}</h2>
  ${view.upcoming.length ? html`<ul class="event-list">${view.upcoming.map((e) => eventItem(msg, e, link))}</ul>` : html`<p class="empty">${msg.events.noUpcoming}</p>`}
</section>
<section aria-labelledby="past-heading">
  <h2 id="past-heading">${msg.events.past}</h2>
  ${view.past.length ? html`<ul class="event-list event-list--past">${view.past.map((e) => eventItem(msg, e, link))}</ul>` : html`<p class="empty">${msg.events.noPast}</p>`}
</section>`;
}
