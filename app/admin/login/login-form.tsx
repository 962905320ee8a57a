'use client';
import { useActionState } from 'react';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { loginAction } from '../session-actions';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(loginAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field id="email" label="E-mail address" errors={state.errors?.email}>
        <input {...describedBy('email', state.errors?.email)} type="email" autoComplete="username" required defaultValue={state.values?.email} className={inputClass} />
      </Field>
      <Field id="password" label="Password" errors={state.errors?.password}>
        <input {...describedBy('password', state.errors?.password)} type="password" autoComplete="current-password" required className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="w-full rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
