/** The coalition works in Sacramento: "today" is the day there, not in UTC. */
const sacramentoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Los_Angeles',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Sacramento as `YYYY-MM-DD`; both the server and the browser ask it this way. */
export function today(): string {
  return sacramentoDay.format(new Date());
}
