import { z } from 'zod';

/** A calendar day, as the API takes and gives it. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'must be a real calendar date');

export const slugParam = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

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
