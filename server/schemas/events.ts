import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { events } from '../../db/schema/index.js';
import { subjectSummary } from './subjects.js';

export const publicEvent = createSelectSchema(events)
  .omit({ flyerPath: true, createdAt: true, updatedAt: true })
  .extend({
    flyerUrl: z.string().nullable(),
    subjects: z.array(subjectSummary.pick({ slug: true, name: true, role: true })),
  });
export type PublicEvent = z.infer<typeof publicEvent>;
