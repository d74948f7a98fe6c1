/**
 * The values a text column may hold, shared by both dialects' schemas (db/schema/sqlite/,
 * db/schema/pg/) so the two can never accept different values.
 */

export const subjectRoles = ['incumbent', 'candidate', 'former'] as const;
export type SubjectRole = (typeof subjectRoles)[number];

export const evidenceKinds = ['action', 'data', 'statement'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

/**
 * pending -> published | rejected | withdrawn (by its submitter); published -> retracted.
 * Only published counts; only published and retracted are ever public.
 */
export const evidenceStatuses = ['pending', 'published', 'rejected', 'retracted', 'withdrawn'] as const;
export type EvidenceStatus = (typeof evidenceStatuses)[number];

export const changeKinds = ['correction', 'retraction'] as const;
export type ChangeKind = (typeof changeKinds)[number];
export const changeStatuses = ['pending', 'approved', 'rejected'] as const;
export type ChangeStatus = (typeof changeStatuses)[number];

export const replyStatuses = ['pending', 'published', 'rejected'] as const;
export type ReplyStatus = (typeof replyStatuses)[number];

export const mailStatuses = ['queued', 'sending', 'sent', 'held', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export { userRoles, type UserRole } from '../../core/roles.js';

/** What a failed sign-in is counted against: the email typed, or the client's address. */
export const signInScopes = ['account', 'address'] as const;
export type SignInScope = (typeof signInScopes)[number];
