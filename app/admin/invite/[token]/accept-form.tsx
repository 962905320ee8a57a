'use client';
import { useActionState } from 'react';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { acceptInvitationAction } from '../../users/actions';

export function AcceptForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), initialFormState);
  const e = state.errors ?? {};
  return (
    <form action={action} noValidate className="space-y-3">
      <FormMessage message={state.message} />
      <Field id="name" label="Your name" errors={e.name}>
        <input {...describedBy('name', e.name)} autoComplete="name" defaultValue={state.values?.name} className={inputClass} />
      </Field>
      <Field id="password" label="Choose a password" errors={e.password} hint="At least 8 characters; a few unrelated words make a strong one.">
        <input {...describedBy('password', e.password, true)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <Field id="confirm" label="Password again" errors={e.confirm}>
        <input {...describedBy('confirm', e.confirm)} type="password" autoComplete="new-password" className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="w-full rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        Join the newsroom
      </button>
    </form>
  );
}
