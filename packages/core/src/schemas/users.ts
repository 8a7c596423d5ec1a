import { z } from 'zod';
import { ROLE_NAMES } from '../enums.ts';
import { idSchema, orRequired, pageInput, queryText, REQUIRED, timestampSchema } from './common.ts';

export const roleName = z.enum(ROLE_NAMES);

/** RFC 5321's longest deliverable address. */
const EMAIL_MAX = 254;
/** Long enough for any passphrase, short enough that hashing a hostile one stays cheap. */
const PASSWORD_MAX = 256;
const atMost = (n: number) => ({ error: `must be at most ${n} characters` });

export const emailSchema = z
  .email(orRequired('must be a valid email address'))
  .max(EMAIL_MAX, atMost(EMAIL_MAX));
export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{3,32}$/, { error: 'must be 3-32 letters, digits, dots, dashes or underscores' });
/** Never trimmed, never truncated: what the user typed is what is hashed. */
export const passwordSchema = z
  .string()
  .min(8, { error: 'must be at least 8 characters' })
  .max(PASSWORD_MAX, atMost(PASSWORD_MAX));

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  username: z.string(),
  active: z.boolean(),
  roles: z.array(roleName),
  created_at: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

/** The bootstrap admin (ADMIN_EMAIL/ADMIN_PASSWORD, `pnpm create-admin`): held to register's rules. */
export const ensureAdminInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  username: usernameSchema.optional(),
});

export const registerInput = z.strictObject({
  email: emailSchema,
  username: usernameSchema,
  password: passwordSchema,
});

export const loginInput = z
  .strictObject({
    email: queryText(EMAIL_MAX).optional().describe('email or username'),
    username: queryText(EMAIL_MAX).optional(),
    password: z.string().min(1, { error: REQUIRED }).max(PASSWORD_MAX, atMost(PASSWORD_MAX)),
  })
  .refine((v) => Boolean(v.email || v.username), { error: 'email or username is required', path: ['email'] });

export const createUserInput = z.strictObject({
  email: emailSchema,
  username: usernameSchema,
  password: passwordSchema,
  roles: z.array(roleName).min(1).max(ROLE_NAMES.length).optional(),
  active: z.boolean().optional(),
});

/** PATCH: every field optional. Candidates may only set their own email, username and password. */
export const updateUserInput = z.strictObject({
  email: emailSchema.optional(),
  username: usernameSchema.optional(),
  password: passwordSchema.optional(),
  current_password: z
    .string()
    .max(PASSWORD_MAX, atMost(PASSWORD_MAX))
    .optional()
    .describe('required when changing your own password or email'),
  roles: z.array(roleName).min(1).max(ROLE_NAMES.length).optional().describe('admin only'),
  active: z.boolean().optional().describe('admin only'),
});
/** PUT: the profile fields are replaced, so they are required. */
export const replaceUserInput = updateUserInput.extend({ email: emailSchema, username: usernameSchema });
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const listUsersInput = pageInput.extend({
  q: queryText(100).optional().describe('search in email and username'),
});

export const loginResult = z.object({
  token: z.string(),
  expires_at: timestampSchema,
  user: userSchema,
});
