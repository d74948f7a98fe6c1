import { createSelectSchema } from 'drizzle-zod';
import { mailMessages } from '../../db/schema/index.js';

/** A message as the admin's outbox shows it: who, what, its text, and how sending went. */
export const outboxMessage = createSelectSchema(mailMessages).pick({
  id: true,
  kind: true,
  toAddress: true,
  subject: true,
  text: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
});
