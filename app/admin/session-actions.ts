'use server';
/**
 * Signing in and out. There is no "authorize" step before sign-in: checking the password is the
 * authorization. Logging out needs no role either, only the session being ended.
 */
import { redirect } from 'next/navigation';
import { audit } from '@/lib/audit';
import { requestMeta, safeNextPath } from '@/lib/auth/guards';
import { signIn } from '@/lib/auth/login';
import { actorForSessionToken, clearSessionCookie, currentSessionToken, deleteSession, setSessionCookie } from '@/lib/auth/session';
import { write } from '@/lib/db';
import { logOutEverywhere } from '@/lib/users';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/form';
import { loginSchema } from '@/lib/validation/users';

export async function loginAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  const parsed = loginSchema.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await signIn({ ...parsed.data, ...(await requestMeta()), previousToken: await currentSessionToken() });
  if (!result.ok) return { message: result.message, values };
  await setSessionCookie(result.token);
  redirect(safeNextPath(form.get('next')));
}

export async function logoutAction(): Promise<void> {
  const token = await currentSessionToken();
  if (token) {
    const actor = await actorForSessionToken(token);
    await deleteSession(token);
    if (actor) await write((tx) => audit(tx, { userId: actor.userId, action: 'session.logout', entityType: 'user', entityId: actor.userId, summary: 'Signed out' }));
  }
  await clearSessionCookie();
  redirect('/admin/login');
}

export async function logoutEverywhereAction(): Promise<void> {
  const actor = await actorForSessionToken(await currentSessionToken());
  if (actor) await logOutEverywhere(actor);
  await clearSessionCookie();
  redirect('/admin/login');
}
