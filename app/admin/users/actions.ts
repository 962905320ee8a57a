'use server';
/** User administration (admins only) and each person's own account: authorize → validate → data call → redirect. */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { actionAuthError, requestMeta } from '@/lib/auth/guards';
import { createSession, currentSessionToken, requireActor, setSessionCookie } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { acceptInvitation, changeOwnPassword, changeUserRole, disableUser, enableUser, inviteUser, resetUserPassword, revokeInvitation, UserInputError } from '@/lib/users';
import { fieldErrors, submittedValues, type FormState } from '@/lib/validation/form';
import { acceptInvitationSchema, changePasswordSchema, inviteSchema, roleSchema } from '@/lib/validation/users';

function failure(error: unknown, values?: Record<string, string>): FormState {
  const auth = actionAuthError(error);
  if (auth) return { message: auth, values };
  if (error instanceof UserInputError) return { errors: { [error.field]: [error.message] }, message: error.field === 'user' || error.field === 'token' ? error.message : undefined, values };
  throw error;
}

export async function inviteAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  try {
    const actor = await requireActor('admin');
    const parsed = inviteSchema.safeParse({ email: form.get('email'), role: form.get('role') });
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    const { token } = await inviteUser(actor, parsed.data);
    // No mailer yet: the admin passes the link on. It is shown once; only its hash is stored.
    return { ok: true, message: `Invitation created. Send ${parsed.data.email} this link (valid for 7 days): ${config().SITE_URL}/admin/invite/${token}` };
  } catch (error) {
    return failure(error, values);
  }
}

const userIdSchema = z.coerce.number().int().positive();

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireActor('admin');
    const userId = userIdSchema.safeParse(form.get('userId'));
    const role = roleSchema.safeParse(form.get('role'));
    if (!userId.success || !role.success) return { message: 'Choose a role.' };
    await changeUserRole(actor, userId.data, role.data);
    return { ok: true, message: 'Role changed.' };
  } catch (error) {
    return failure(error);
  }
}

export async function setDisabledAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireActor('admin');
    const userId = userIdSchema.safeParse(form.get('userId'));
    if (!userId.success) return { message: 'No such user.' };
    if (form.get('disable') === '1') await disableUser(actor, userId.data);
    else await enableUser(actor, userId.data);
    return { ok: true, message: form.get('disable') === '1' ? 'Account disabled; its sessions have ended.' : 'Account enabled.' };
  } catch (error) {
    return failure(error);
  }
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireActor('admin');
    const userId = userIdSchema.safeParse(form.get('userId'));
    if (!userId.success) return { message: 'No such user.' };
    await resetUserPassword(actor, userId.data, String(form.get('password') ?? ''));
    return { ok: true, message: 'Password set; the user’s sessions have ended. Tell them the new password in person.' };
  } catch (error) {
    return failure(error);
  }
}

export async function revokeInvitationAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireActor('admin');
    const id = userIdSchema.safeParse(form.get('invitationId'));
    if (!id.success) return { message: 'No such invitation.' };
    await revokeInvitation(actor, id.data);
    return { ok: true, message: 'Invitation revoked.' };
  } catch (error) {
    return failure(error);
  }
}

export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireActor();
    const parsed = changePasswordSchema.safeParse({ current: form.get('current'), password: form.get('password'), confirm: form.get('confirm') });
    if (!parsed.success) return { errors: fieldErrors(parsed.error) };
    await changeOwnPassword(actor, parsed.data, await currentSessionToken());
    return { ok: true, message: 'Password changed. Your other sessions have ended.' };
  } catch (error) {
    return failure(error);
  }
}

/** No session needed: the invitation token is the authorization. */
export async function acceptInvitationAction(token: string, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  try {
    const parsed = acceptInvitationSchema.safeParse({ name: form.get('name'), password: form.get('password'), confirm: form.get('confirm') });
    if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
    const user = await acceptInvitation(token, parsed.data);
    await setSessionCookie(await createSession(user.id, await requestMeta()));
  } catch (error) {
    return failure(error, values);
  }
  redirect('/admin');
}
