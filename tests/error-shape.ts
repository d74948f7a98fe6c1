import { expect } from 'vitest';

interface Answer {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
}

/** The documented error shape (README, "A short tour of the API"): JSON `{error, message, details?}` and nothing else. */
export function errorShapeProblem(res: Answer): string | null {
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) {
    return `content-type is ${String(res.headers['content-type'])}`;
  }
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    return 'body is not JSON';
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const { error, message, details, ...rest } = body as Record<string, unknown>;
  if (typeof error !== 'string' || !error) return '`error` is not a non-empty string';
  if (typeof message !== 'string' || !message) return '`message` is not a non-empty string';
  if (Object.keys(rest).length) return `unexpected keys: ${Object.keys(rest).join(', ')}`;
  if (details !== undefined) {
    if (!Array.isArray(details)) return '`details` is not an array';
    for (const d of details) {
      if (!d || typeof d.field !== 'string' || typeof d.message !== 'string') return '`details` entries need field and message';
    }
  }
  return null;
}

export function expectErrorShape(res: Answer): void {
  expect(errorShapeProblem(res), `${res.statusCode} ${res.body.slice(0, 300)}`).toBeNull();
}
