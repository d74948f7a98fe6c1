import { z } from 'zod';
import { EVIDENCE_MESSAGES, isHttpUrl } from '../../core/evidence-checks.js';

/** A calendar day, as the API takes and gives it; `params` sets the message for a missing value. */
export const isoDateOf = (params?: Parameters<typeof z.string>[0]) =>
  z
    .string(params)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    }, 'must be a real calendar date');
export const isoDate = isoDateOf();

/** A slug; `params` sets the message for a missing value. */
export const slugOf = (params?: Parameters<typeof z.string>[0]) =>
  z
    .string(params)
    .min(1)
    .max(120)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');
export const slugParam = slugOf();

export const slugParams = z.object({ slug: slugParam });

/** The one error shape every 4xx and 5xx answer uses. */
export const errorResponse = z.object({
  error: z.string().describe('A stable, machine-readable code such as "not-found" or "validation"'),
  message: z.string().describe('What went wrong, for a person'),
  details: z
    .array(z.object({ field: z.string(), message: z.string() }))
    .optional()
    .describe('For validation errors: each field path and its problem'),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const errorResponses = {
  400: errorResponse,
  404: errorResponse,
} as const;

/** C0 control characters and DEL; a multi-line field also allows tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function refuseControl(pattern: RegExp, multiline: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const found = pattern.exec(value);
    if (!found) return;
    const code = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.addIssue({
      code: 'custom',
      message: multiline
        ? `must not contain control characters (found ${code}); tabs and line breaks are fine`
        : `must not contain control characters such as tabs or line breaks (found ${code})`,
    });
  };
}

/**
 * Text a person types on one line (a name, a title): kept exactly as typed (it is always
 * rendered as text, never as HTML), but never blank, never longer than `max`, and without
 * control characters, which would make the SVG badge, CSV and XML-ish outputs malformed and
 * can hide text from a reviewer.
 */
export const text = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).regex(/\S/, EVIDENCE_MESSAGES.blank).superRefine(refuseControl(CONTROL, false));

/** Like `text`, for paragraphs (a summary, a bio, a note): tabs and line breaks allowed. */
export const multilineText = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .regex(/\S/, EVIDENCE_MESSAGES.blank)
    .superRefine(refuseControl(CONTROL_MULTILINE, true));

/** A web address people can follow: http or https only, so `javascript:` and `data:` never reach a link. */
export const httpUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .superRefine(refuseControl(CONTROL, false))
  .refine(isHttpUrl, EVIDENCE_MESSAGES.notHttp);

/** `?page=&pageSize=` for the workspace's long lists. */
export const pagingQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

/** A paged list: `items` and where they sit in the whole. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const idParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** The answers a signed-in route adds to bad input: not signed in, not allowed, wrong state. */
export const workspaceErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
} as const;
