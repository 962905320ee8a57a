'use client';
import { useActionState, type ReactNode } from 'react';
import { FormMessage } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { bulkAction } from './actions';

/** Wraps the list so its row checkboxes post with the chosen bulk action. */
export function BulkForm({ canBulk, children }: { canBulk: boolean; children: ReactNode }) {
  const [state, action, pending] = useActionState(bulkAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage message={state.message} ok={state.ok} />
      {canBulk ? (
        <div className="flex items-end gap-2">
          <div>
            <label htmlFor="bulkIntent" className="block text-sm font-medium">
              With selected
            </label>
            <select id="bulkIntent" name="bulkIntent" className="rounded border border-neutral-400 bg-white px-2 py-1.5" defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              <option value="publish">Publish</option>
              <option value="unpublish">Unpublish</option>
              <option value="trash">Move to trash</option>
            </select>
          </div>
          <button type="submit" disabled={pending} className="rounded border border-neutral-900 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-200 disabled:opacity-60">
            {pending ? 'Applying…' : 'Apply'}
          </button>
        </div>
      ) : null}
      {children}
    </form>
  );
}
