/** Forms and commands about staff accounts share these rules (STYLE §5). */
import { z } from 'zod';
import { plainText } from './text';
import { ROLES } from '../auth/actor';
import { MAX_PASSWORD_LENGTH } from '../auth/password';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That e-mail address is too long.')
  .pipe(z.email('Enter an e-mail address such as name@example.com.'));

export const nameSchema = plainText().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.');

export const roleSchema = z.enum(ROLES as ['admin', 'editor', 'author'], { error: 'Choose admin, editor or author.' });

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').max(254),
  password: z.string().min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH),
});

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });

export const acceptInvitationSchema = z
  .object({ name: nameSchema, password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });

export const changePasswordSchema = z
  .object({ current: z.string().min(1, 'Enter your current password.').max(MAX_PASSWORD_LENGTH), password: z.string(), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' });
