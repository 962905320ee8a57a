'use client';
import { useActionState } from 'react';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { inviteAction } from './actions';

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteAction, initialFormState);
  return (
    <form action={action} noValidate className="space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label="Invite someone">
      <h2 className="font-semibold">Invite someone</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <div className="grid gap-3 md:grid-cols-[1fr_12rem_auto] md:items-start">
        <Field id="email" label="E-mail address" errors={state.errors?.email}>
          <input {...describedBy('email', state.errors?.email)} type="email" defaultValue={state.ok ? '' : state.values?.email} className={inputClass} />
        </Field>
        <Field id="role" label="Role" errors={state.errors?.role}>
          <select {...describedBy('role', state.errors?.role)} defaultValue={state.values?.role ?? 'author'} className={inputClass}>
            <option value="author">Author</option>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
        </Field>
        <button type="submit" disabled={pending} className="mt-6 rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
          Invite
        </button>
      </div>
    </form>
  );
}
