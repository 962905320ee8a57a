'use client';
import { useActionState } from 'react';
import { clearBreakingAction, setBreakingAction } from '@/app/admin/home/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { BREAKING_DURATIONS } from '@/lib/validation/library';
import { initialFormState } from '@/lib/validation/form';
import { ConfirmAction } from './confirm-action';

const label = (m: number) => (m < 60 ? `${m} minutes` : m % 60 === 0 && m < 1440 ? `${m / 60} hour${m === 60 ? '' : 's'}` : `${m / 1440} day${m === 1440 ? '' : 's'}`);

export function BreakingBarForm({ current }: { current: { text: string; url: string | null; expiresAt: string; live: boolean } | null }) {
  const [state, action, pending] = useActionState(setBreakingAction, initialFormState);
  return (
    <div className="space-y-4">
      {current ? (
        <div className="rounded border border-neutral-300 bg-white p-3 text-sm">
          <p>
            <strong>{current.live ? 'Showing now' : 'Expired'}:</strong> {current.text} {current.live ? `(until ${current.expiresAt})` : ''}
          </p>
          {current.live ? <ConfirmAction action={clearBreakingAction} label="Take the bar down" pendingLabel="Taking down…" /> : null}
        </div>
      ) : (
        <p className="text-sm text-neutral-700">No breaking bar is showing.</p>
      )}
      <form action={action} className="space-y-3" noValidate>
        <FormMessage message={state.message} ok={state.ok} />
        <Field id="text" label="Breaking news line" errors={state.errors?.text}>
          <input {...describedBy('text', state.errors?.text)} maxLength={200} defaultValue={state.values?.text} className={inputClass} />
        </Field>
        <Field id="url" label="Link (optional)" errors={state.errors?.url} hint="An article path such as /news/flood-warning, or a full https:// link.">
          <input {...describedBy('url', state.errors?.url, true)} defaultValue={state.values?.url} className={inputClass} />
        </Field>
        <Field id="minutes" label="Show for" errors={state.errors?.minutes}>
          <select {...describedBy('minutes', state.errors?.minutes)} defaultValue={state.values?.minutes ?? '120'} className={inputClass}>
            {BREAKING_DURATIONS.map((m) => (
              <option key={m} value={m}>
                {label(m)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-700 disabled:opacity-60">
          {pending ? 'Putting up…' : 'Put up breaking bar'}
        </button>
      </form>
    </div>
  );
}
