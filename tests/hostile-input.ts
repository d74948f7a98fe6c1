import fc from 'fast-check';

/**
 * Generated requests for the fuzz tests: what a route's schema allows, and what an attacker,
 * a broken client or a copy-paste accident sends instead. Schemas are the OpenAPI (JSON
 * Schema) ones the app generates from its zod route schemas, so a route added later is
 * fuzzed with inputs shaped like its own fields without anyone writing a generator for it.
 */

/** The subset of JSON Schema that @fastify/swagger emits for zod 4 schemas. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

/** Characters that break naive code: lone surrogates, NUL, direction overrides, joiners, a BOM. */
const TRICKY_CHARACTERS = ['\uD800', '\uDFFF', '\u0000', '\u202E', '\u202D', '\u200F', '\u200D', '\uFEFF', '\u0301', '\uFFFF'];

/** Any unicode text, with the tricky characters far more often than chance would give them. */
export const unicodeText = (maxLength = 40) =>
  fc.string({
    unit: fc.oneof(fc.constantFrom(...TRICKY_CHARACTERS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength,
  });

/** Fixed attack strings: traversal, NUL, SQL, prototype keys, markup, spreadsheet formulas, emoji. */
export const ATTACK_STRINGS = [
  '',
  ' ',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  'demo-avery-placeholder%00.json',
  'demo-avery-placeholder\u0000',
  "' OR '1'='1",
  '1; DROP TABLE evidence; --',
  '" UNION SELECT email, password_hash FROM users --',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '=HYPERLINK("http://evil.example","x")',
  '${7*7}{{7*7}}',
  '\u202Egnp.exe',
  '👩🏽‍⚖️🗳️',
  '\uD83D',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '2026-02-30',
  '0000-00-00',
  '9999-99-99',
  'null',
  'true',
];

export const attackString = fc.constantFrom(...ATTACK_STRINGS);

/** Long text under and over the usual field limits, kept small enough for a fast suite. */
export const longText = fc.oneof(
  fc.integer({ min: 201, max: 5_000 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => '\u{1F5F3}'.repeat(n)),
);

/** A value of the wrong kind for any field. */
const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, false, 0, -1, 3.5, Number.MAX_SAFE_INTEGER + 2, -1e21, [], {}, [null], { $gt: '' }),
);

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(attackString, unicodeText(), longText, wrongTypeValue);

/** A value the schema accepts (as far as a generator can tell from the schema). */
export function validValue(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 1 });
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  const base = valueOfType(schema, type, depth);
  const nullable = schema.nullable || (Array.isArray(schema.type) && schema.type.includes('null'));
  return nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function valueOfType(schema: JsonSchema, type: string | undefined, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return validString(schema);
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1_000, -1_000_000), max: Math.min(schema.maximum ?? 1_000, 1_000_000) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object': {
      const properties = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, validValue(s, depth + 1)]));
      return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 60, 200));
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  if (schema.format === 'date') return isoDay;
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString());
  if (schema.pattern) return matching(schema.pattern).filter((s) => s.length >= minLength && s.length <= maxLength);
  return fc.string({ minLength, maxLength });
}

/**
 * One arbitrary per pattern, built once. Building a string arbitrary makes fast-check work out
 * which of its tricky strings the characters can spell, cached only per character arbitrary,
 * and fc.stringMatching makes new ones each time: built per route and caller, it was a quarter
 * of the fuzzer's time. Arbitraries hold no state, so sharing one changes no generated value.
 */
const patterns = new Map<string, fc.Arbitrary<string>>();
function matching(pattern: string): fc.Arbitrary<string> {
  let arbitrary = patterns.get(pattern);
  if (!arbitrary) patterns.set(pattern, (arbitrary = fc.stringMatching(new RegExp(pattern))));
  return arbitrary;
}

const isoDay = fc
  .date({ noInvalidDate: true, min: new Date('1990-01-01'), max: new Date('2040-12-31') })
  .map((d) => d.toISOString().slice(0, 10));

/** One field spoiled, one required field missing, prototype keys added, or a wholly wrong value. */
export function hostileValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const properties = schema?.properties;
  if (!properties || !Object.keys(properties).length) return hostileScalar;
  const keys = Object.keys(properties);
  const valid = validValue(schema) as fc.Arbitrary<Record<string, unknown>>;
  return fc.oneof(
    hostileScalar,
    fc.tuple(valid, fc.constantFrom(...keys), hostileScalar).map(([o, k, v]) => ({ ...o, [k]: v })),
    fc.tuple(valid, fc.constantFrom(...keys)).map(([o, k]) => {
      const copy = { ...o };
      delete copy[k];
      return copy;
    }),
    fc.tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileScalar).map(([o, k, v]) => {
      const copy = { ...o };
      // defineProperty makes an own "__proto__" key that JSON.stringify writes out, as an attacker's JSON would.
      Object.defineProperty(copy, k, { value: k === 'constructor' ? { prototype: { polluted: true } } : v, enumerable: true });
      return copy;
    }),
    fc.tuple(valid, fc.dictionary(unicodeText(12), hostileScalar, { maxKeys: 3 })).map(([o, extra]) => ({ ...o, ...extra })),
  );
}

/** Sometimes well-formed, mostly hostile: valid requests reach the deeper code paths. */
export const fieldValue = (schema: JsonSchema | undefined) =>
  fc.oneof({ weight: 1, arbitrary: validValue(schema) }, { weight: 2, arbitrary: hostileValue(schema) });

/** Request bodies as raw text: JSON of (mostly hostile) values, and text that is not JSON at all. */
export function bodyText(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const json = fieldValue(schema).map((v) => JSON.stringify(v) ?? 'null');
  const keys = Object.keys(schema?.properties ?? {});
  const duplicated =
    keys.length > 0
      ? fc.tuple(validValue(schema), fc.constantFrom(...keys), hostileScalar).map(([o, k, v]) => {
          const text = JSON.stringify(o);
          const extra = `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`;
          return text === '{}' ? `{${extra},${extra}}` : `${text.slice(0, -1)},${extra}}`;
        })
      : json;
  const malformed = fc.oneof(
    fc.constantFrom(
      '',
      '{',
      '{"a":',
      '[1,2',
      '{"a":1,}',
      "{'single':'quotes'}",
      'undefined',
      'NaN',
      '\u0000',
      '{"__proto__":{"polluted":true}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '[]',
      '"just a string"',
      '\uFEFF{}',
      'a=1&b=2',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
    ),
    fc.integer({ min: 100, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 100, max: 5_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    unicodeText(200),
    json.map((t) => t.slice(0, Math.max(0, t.length - 1))),
  );
  return fc.oneof({ weight: 3, arbitrary: json }, { weight: 1, arbitrary: duplicated }, { weight: 2, arbitrary: malformed });
}

/** A body just over the server's limit, for the 413 path; generated once, it is the same for every run. */
export function oversizedBody(bodyLimit: number): string {
  return JSON.stringify({ title: 'x'.repeat(bodyLimit) });
}

export const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/problem+json',
  'text/plain',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '',
  ';;;',
  'application/json, text/html',
);

/**
 * Path segments written raw into the URL (not encoded again): traversal, NUL and bad percent
 * escapes, an over-long UTF-8 dot, an encoded lone surrogate and RTL mark, and an over-long name.
 */
export const rawPathSegment = fc.constantFrom(
  '..',
  '..%2F..%2Fpackage.json',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%5c..%5cpackage.json',
  '%00',
  'demo-avery-placeholder%00',
  '%',
  '%ZZ',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  '%E2%80%AE',
  '%F0%9F%97%B3',
  'a;b=c',
  '*',
  '~root',
  '.',
  'x'.repeat(300),
);

/** Raw query strings nobody should send: pollution keys, duplicates, bad escapes, arrays. */
export const rawQueryPiece = fc.constantFrom(
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  '__proto__.polluted=1',
  '%00=%00',
  '%=%',
  '&&&',
  '=',
  'a[]=1&a[]=2',
  'a[b][c][d][e][f]=1',
  `q=${'%41'.repeat(2_000)}`,
);
