'use client';
import { useActionState } from 'react';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { changePasswordAction } from '../users/actions';

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initialFormState);
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="max-w-md space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label="Change your password">
      <h2 className="font-semibold">Change your password</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <Field id="current" label="Current password" errors={e.current}>
        <input {...describedBy('current', e.current)} type="password" autoComplete="current-password" className={inputClass} />
      </Field>
      <Field id="password" label="New password" errors={e.password} hint="At least 8 characters; a few unrelated words make a strong one.">
        <input {...describedBy('password', e.password, true)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <Field id="confirm" label="New password again" errors={e.confirm}>
        <input {...describedBy('confirm', e.confirm)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        Change password
      </button>
    </form>
  );
}
