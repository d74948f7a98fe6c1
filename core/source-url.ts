/**
 * Query parameters that only say where a reader came from: two links that differ only in
 * these point at the same source.
 */
const TRACKING =
  /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref|ref_src|ref_url|cmpid|s_cid|mkt_tok|oly_anon_id|oly_enc_id|vero_id|wt_mc|at_medium|at_campaign)$/i;

/**
 * The form of a source's address used to find duplicates: scheme dropped (http and https are
 * the same page), host lower-cased without `www.` and the default port, no trailing slash,
 * no fragment, tracking parameters removed and the rest sorted. Not a link to follow: only
 * for comparing. Something that is not a URL compares as its trimmed, lower-cased text.
 */
export function normaliseSourceUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return input.trim().toLowerCase();
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port && !['80', '443'].includes(url.port) ? `:${url.port}` : '';
  const path = url.pathname.replace(/\/+$/, '');
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !TRACKING.test(name))
    .sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${port}${path}${query}`;
}
