import { createSelectSchema } from 'drizzle-zod';
import { z } from 'zod';
import { invites, userRoles, users } from '../../db/schema/index.js';
import { LOCALES } from '../../i18n/locales.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/password.js';
import { text } from './common.js';

export const email = z.string().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address'));

/** Checked for length only at sign-in, so an old password that breaks today's rules still works. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const displayName = text(100);

export const loginInput = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(PASSWORD_MAX_LENGTH),
  code: z.string().max(40).optional().describe('With two-factor sign-in on: the 6-digit code from the app, or a recovery code'),
});

export const passwordChangeInput = z.strictObject({
  currentPassword: z.string().max(PASSWORD_MAX_LENGTH),
  newPassword,
});

/** An account as an admin sees it, and as its owner sees it at /api/auth/me. */
export const account = createSelectSchema(users).pick({
  id: true,
  email: true,
  displayName: true,
  role: true,
  disabled: true,
  createdAt: true,
  language: true,
});

export const userPatch = z
  .strictObject({ role: z.enum(userRoles), disabled: z.boolean(), displayName })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'change at least one field');

export const language = z.enum(LOCALES).describe('en or es: the language of the workspace and of the emails');

export const inviteInput = z.strictObject({ email, role: z.enum(userRoles).default('volunteer'), language: language.default('en') });

export const invite = createSelectSchema(invites).pick({
  id: true,
  email: true,
  role: true,
  language: true,
  createdAt: true,
  expiresAt: true,
  usedAt: true,
});

export const createdInvite = invite.extend({
  token: z.string().describe('Shown once: the invite link carries it'),
  acceptPath: z.string().describe('The page where the invited person sets a name and password'),
  url: z.string().describe('The full invitation link, as emailed (an addition)'),
});

export const passwordResetRequest = z.strictObject({ email });
export const passwordResetAccepted = z.object({ message: z.string() });
export const passwordResetConfirm = z.strictObject({ token: z.string().min(1).max(100), password: newPassword });
export const passwordResetLink = z.object({
  url: z.string().describe('The reset link, also emailed to the account; works once, for an hour'),
});

export const inviteAcceptance = z.strictObject({ token: z.string().min(1).max(100), displayName, password: newPassword });

/** The choices the account page changes with PATCH /api/auth/me. */
export const notificationChoices = z.strictObject({
  reviewQueue: z.boolean().describe('"N entries await your review", at most hourly (reviewers)'),
  decisions: z.boolean().describe('Your entry was published or rejected'),
  changesAndReplies: z.boolean().describe('A proposed change awaits a second reviewer; a reply from an office awaits review (reviewers)'),
});

export const accountPatch = z
  .strictObject({ displayName, language, notifications: notificationChoices.partial() })
  .partial()
  .refine((o) => Object.keys(o).length > 0, 'change at least one field');

export const accountSettings = account.extend({
  language,
  notifications: notificationChoices,
  totp: z.object({
    enabled: z.boolean(),
    required: z.boolean().describe('Your role must use two-factor sign-in (REQUIRE_2FA_FOR)'),
    recoveryCodesLeft: z.number().int(),
  }),
});

export const sessionInfo = z.object({
  id: z.string().describe('A short label, not the session token'),
  current: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
});

export const totpSetup = z.object({
  secret: z.string().describe('Base32, for typing into an authenticator app'),
  otpauthUrl: z.string(),
  qrCode: z.string().describe('The otpauth URL as a PNG data URL (an addition)'),
});
export const totpCode = z.strictObject({ code: z.string().max(20) });
export const recoveryCodeList = z.object({ recoveryCodes: z.array(z.string()).describe('Shown once: ten one-time codes') });
export const totpDisable = z.strictObject({ password: z.string().max(PASSWORD_MAX_LENGTH) });

export type AccountSettings = z.infer<typeof accountSettings>;
export type SessionInfo = z.infer<typeof sessionInfo>;
export type TotpSetup = z.infer<typeof totpSetup>;
