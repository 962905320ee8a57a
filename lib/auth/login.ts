/**
 * Signing in and out. Every failure gives the same message whether the address is unknown, the
 * password wrong or the account disabled, and takes the same time (a dummy Argon2 check), so the
 * form cannot be used to find out who works here.
 */
import { write } from '../db';
import { db } from '../db';
import { audit } from '../audit';
import type { Actor } from './actor';
import { verifyAgainstDummy, verifyPassword } from './password';
import { loginRetryAfter, recordLoginFailure, recordLoginSuccess } from './rate-limit';
import { actorForSessionToken, createSession, deleteSession, type SessionMeta } from './session';

export const LOGIN_FAILED = 'That e-mail address and password do not match an active account.';

export interface SignInInput extends SessionMeta {
  email: string;
  password: string;
  /** The token the browser already held: it is revoked, so a planted session id is never upgraded. */
  previousToken?: string | null;
}

export type SignInResult = { ok: true; token: string; actor: Actor } | { ok: false; message: string; retryAfterSeconds?: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signIn(input: SignInInput, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const attempt = { email, ip: input.ip || 'unknown' };
  const waitMs = await loginRetryAfter(attempt, now.getTime());
  if (waitMs > 0) {
    // Refused before the password is even checked, so waiting is the only way forward.
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    return { ok: false, message: `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`, retryAfterSeconds };
  }
  const user = await db().user.findUnique({ where: { email }, select: { id: true, passwordHash: true, disabledAt: true } });
  const valid = user?.passwordHash && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!valid || !user) {
    await recordLoginFailure(attempt, now.getTime());
    return { ok: false, message: LOGIN_FAILED };
  }
  await recordLoginSuccess(attempt);
  if (input.previousToken) await deleteSession(input.previousToken);
  const token = await write(async (tx) => {
    const created = await createSession(user.id, input, now, tx);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    await audit(tx, { userId: user.id, action: 'session.login', entityType: 'user', entityId: user.id, summary: 'Signed in' });
    return created;
  });
  const actor = await actorForSessionToken(token, now);
  if (!actor) return { ok: false, message: LOGIN_FAILED }; // role column edited to an unknown value
  return { ok: true, token, actor };
}
