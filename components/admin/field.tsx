import type { ReactNode } from 'react';

/** A labelled form field whose errors are announced and tied to the control (aria-describedby). */
export function Field({ id, label, errors, hint, children }: { id: string; label: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-neutral-800">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-neutral-600">
          {hint}
        </p>
      ) : null}
      {children}
      <div id={`${id}-error`} aria-live="polite" aria-atomic="true">
        {errors?.map((error) => (
          <p key={error} className="text-sm text-red-700">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}

/** Props that connect an input to its Field's hint and error text. */
export function describedBy(id: string, errors?: string[], hasHint = false) {
  const ids = [hasHint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  return { id, name: id, 'aria-describedby': ids, 'aria-invalid': errors?.length ? true : undefined } as const;
}

export const inputClass =
  'block w-full rounded border border-neutral-400 bg-white px-3 py-2 text-neutral-900 focus:border-neutral-900 focus:outline-2 focus:outline-offset-1 focus:outline-blue-700 aria-[invalid=true]:border-red-700';

export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  return (
    <div role={ok ? 'status' : 'alert'} aria-live="polite">
      {message ? <p className={`rounded border px-3 py-2 text-sm ${ok ? 'border-green-700 bg-green-50 text-green-900' : 'border-red-700 bg-red-50 text-red-900'}`}>{message}</p> : null}
    </div>
  );
}
