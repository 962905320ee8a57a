import { z } from 'zod';

export const newsletterSignupSchema = z.object({
  email: z
    .string({ error: 'Enter your email address.' })
    .trim()
    .toLowerCase()
    .min(1, 'Enter your email address.')
    .max(254, 'That email address is too long.')
    .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' })),
});

export const newsletterTokenSchema = z.object({
  token: z.string().trim().regex(/^[A-Za-z0-9_-]{20,100}$/, 'That unsubscribe link is not valid.'),
});
