import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { standards } from '../../db/schema/index.js';

const standardRow = createSelectSchema(standards, {
  indicators: z.array(z.string()),
});

/** A standard as the public sees it. */
export const publicStandard = standardRow.omit({ id: true });
export type PublicStandard = z.infer<typeof publicStandard>;
