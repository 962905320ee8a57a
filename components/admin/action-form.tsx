'use client';
import { useActionState, type ReactNode } from 'react';
import { initialFormState, type FormState } from '@/lib/validation/form';
import { FormMessage } from './field';

/**
 * A small form bound to a server action, with its message announced beside it. For forms whose
 * fields need no per-field error display (buttons, one select); full forms render their own fields.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className = '',
  danger = false,
  label,
}: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  danger?: boolean;
  /** Accessible name of the form. */
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const fieldMessages = Object.values(state.errors ?? {}).flat();
  return (
    <form action={formAction} className={className} aria-label={label}>
      <div className="flex flex-wrap items-end gap-2">
        {children}
        <button
          type="submit"
          disabled={pending}
          className={`rounded border px-3 py-1.5 text-sm font-semibold disabled:opacity-60 ${danger ? 'border-red-800 text-red-800 hover:bg-red-50' : 'border-neutral-900 hover:bg-neutral-200'}`}
        >
          {submitLabel}
        </button>
      </div>
      <FormMessage message={[state.message, ...fieldMessages].filter(Boolean).join(' ') || undefined} ok={state.ok} />
    </form>
  );
}
