/**
 * Staff passwords: Argon2id hashes (OWASP's recommended parameters, the library's defaults made
 * explicit so a dependency update cannot weaken them silently) and the strength rule shared by
 * every form and command that sets a password.
 */
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 8;
/** Long passphrases are welcome; the cap only stops someone posting megabytes into Argon2. */
export const MAX_PASSWORD_LENGTH = 256;

const ARGON2ID = 2; // Algorithm.Argon2id: a const enum, which isolatedModules cannot import
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

function normalised(password: string): string {
  return password.toLowerCase().replace(/\s+/g, '');
}

/** Why `password` is refused, or null when it is acceptable. `email` and `name` are the account's. */
export function passwordProblem(password: string, context: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const plain = normalised(password);
  if (COMMON_PASSWORDS.has(plain)) return 'This password is too common. Try a few unrelated words instead.';
  if (/^(.)\1*$/u.test(plain)) return 'Do not repeat a single character.';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && plain === normalised(local)) return 'Do not use your e-mail address as your password.';
  if (context.email && plain === normalised(context.email)) return 'Do not use your e-mail address as your password.';
  if (context.name && plain === normalised(context.name)) return 'Do not use your name as your password.';
  return null;
}

/** zod rule for a new password; add the account context with {@link passwordProblem} where known. */
export const newPasswordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password or a malformed hash; never throws on user input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check. Login calls it when no account matches, so response
 * times do not reveal which e-mail addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-account-password');
  await verifyPassword(await dummyHash, password);
  return false;
}
