import type { FastifyInstance } from 'fastify';
import { elections, evidence, standards, subjects } from '../db/schema/index.js';
import type { JsonSchema } from './hostile-input.js';

/**
 * Every endpoint the app serves, read from the app itself: the OpenAPI document it generates
 * from the route schemas gives each route's params, query and body schema; anything served
 * but left out of the document (health, docs, pages, static files) is found in the router and
 * listed without a schema. Tests built on this cover routes added later without a change.
 */
export interface Endpoint {
  method: string;
  /** Fastify style: `/api/subjects/:slug/scorecard`, `*` for a wildcard. */
  path: string;
  params: Record<string, JsonSchema | undefined>;
  query: Record<string, JsonSchema>;
  body?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export async function discoverEndpoints(app: FastifyInstance): Promise<Endpoint[]> {
  const spec = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const endpoints: Endpoint[] = [];
  for (const [openApiPath, operations] of Object.entries(spec.paths)) {
    const path = openApiPath.replace(/\{([^}]+)\}/g, ':$1');
    for (const [method, op] of Object.entries(operations)) {
      const parameters = op.parameters ?? [];
      endpoints.push({
        method: method.toUpperCase(),
        path,
        params: Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.schema])),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  const documented = new Set(endpoints.map((e) => routeKey(e.method, e.path)));
  for (const route of routerEntries(app)) {
    if (documented.has(routeKey(route.method, route.path))) continue;
    const params = Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map((m) => [m[1], undefined]));
    if (route.path.includes('*')) params['*'] = undefined;
    endpoints.push({ method: route.method, path: route.path, params, query: {} });
  }
  return endpoints;
}

export const routeKey = (method: string, path: string) => `${method} ${path.replace(/(.)\/$/, '$1')}`;

/** Every method and path in Fastify's router, read from its printed tree (the only public listing). */
function routerEntries(app: FastifyInstance): Array<{ method: string; path: string }> {
  const entries: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const marker = line.search(/[├└]── /);
    if (marker < 0) continue;
    const depth = marker / 4;
    const match = /^(.*?)(?: \(([^)]*)\))?$/.exec(line.slice(marker + 4));
    if (!match) continue;
    stack.length = depth;
    stack.push(match[1]);
    const path = stack.join('');
    for (const method of (match[2] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean)) {
      if (method !== 'HEAD') entries.push({ method, path: path.startsWith('/') ? path : `/${path}` });
    }
  }
  return entries;
}

/** Slugs and ids that exist, so generated requests also reach the code behind a found record (either engine). */
export async function knownValues(app: FastifyInstance): Promise<Record<string, string[]>> {
  const slugs = [
    ...(await app.db.select({ slug: standards.slug }).from(standards)),
    ...(await app.db.select({ slug: subjects.slug }).from(subjects)),
    ...(await app.db.select({ slug: elections.slug }).from(elections)),
  ].map((r) => r.slug);
  const ids = (await app.db.select({ id: evidence.id }).from(evidence)).map((r) => String(r.id));
  return { slug: slugs, id: ids, '*': ['index.html', 'swagger-initializer.js', 'static/index.html'] };
}
