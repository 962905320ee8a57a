'use client';
import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/field';
import { initialFormState, type FormState } from '@/lib/validation/form';

/** A one-button form for a server action (trash, restore, delete) that shows the refusal, if any. */
export function ConfirmAction({ action, label, pendingLabel, confirm, danger = false }: { action: (previous: FormState) => Promise<FormState>; label: string; pendingLabel: string; confirm?: string; danger?: boolean }) {
  const [state, run, pending] = useActionState(action, initialFormState);
  return (
    <form
      action={run}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="space-y-2"
    >
      <FormMessage message={state.message} ok={state.ok} />
      <button type="submit" disabled={pending} className={`rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${danger ? 'border border-red-800 text-red-800 hover:bg-red-50' : 'border border-neutral-800 hover:bg-neutral-100'}`}>
        {pending ? pendingLabel : label}
      </button>
    </form>
  );
}
