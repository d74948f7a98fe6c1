/**
 * The coalition works in Sacramento: "today" is the day there, not in UTC. Made on first use:
 * the first time-zone formatter loads ICU's zone data (tens of milliseconds), which the
 * server's start-up need not wait for.
 */
let sacramentoDay: Intl.DateTimeFormat | undefined;

/** Today's date in Sacramento as `YYYY-MM-DD`; both the server and the browser ask it this way. */
export function today(): string {
  sacramentoDay ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/Los_Angeles',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return sacramentoDay.format(new Date());
}
