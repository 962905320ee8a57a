'use client';
import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';
import { workflowAction } from './actions';

export interface WorkflowView {
  id: number;
  publicationState: string;
  editorialState: string;
  hasStagedEdit: boolean;
  trashed: boolean;
  canPublish: boolean;
}

const button = 'rounded border px-3 py-1.5 text-sm font-semibold disabled:opacity-60';
const primary = `${button} border-neutral-900 bg-neutral-900 text-white hover:bg-neutral-700`;
const secondary = `${button} border-neutral-900 bg-white hover:bg-neutral-200`;
const danger = `${button} border-red-800 bg-white text-red-800 hover:bg-red-50`;

/** The workflow buttons that fit the article's state and the actor's role (the server checks both again). */
export function WorkflowPanel({ article }: { article: WorkflowView }) {
  const [state, action, pending] = useActionState(workflowAction, initialFormState);
  const [scheduledAt, setScheduledAt] = useState('');
  const live = article.publicationState === 'published';
  const pendingCopy = !live || article.hasStagedEdit;
  const { editorialState: editorial, canPublish } = article;

  const intent = (value: string, label: string, className = secondary) => (
    <button type="submit" name="intent" value={value} disabled={pending} className={className}>
      {label}
    </button>
  );

  return (
    <form action={action} className="space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label="Workflow">
      <h2 className="font-semibold">Workflow</h2>
      <FormMessage message={state.message} />
      <input type="hidden" name="id" value={article.id} />
      {article.trashed ? (
        canPublish ? (
          intent('restore', 'Restore from trash', primary)
        ) : (
          <p>This article is in the trash.</p>
        )
      ) : (
        <>
          <div className="flex flex-wrap gap-2">
            {pendingCopy && editorial === 'draft' ? intent('submit', 'Submit for review', canPublish ? secondary : primary) : null}
            {canPublish && pendingCopy && editorial !== 'approved' ? intent('approve', 'Approve') : null}
            {canPublish && pendingCopy && editorial !== 'draft' ? intent('return', 'Return to draft') : null}
            {canPublish && pendingCopy ? intent('publish', live ? 'Publish staged edit' : 'Publish now', primary) : null}
            {article.hasStagedEdit ? intent('discard', 'Discard staged edit', danger) : null}
          </div>
          {canPublish && article.publicationState === 'scheduled' ? <div>{intent('unschedule', 'Cancel schedule')}</div> : null}
          {canPublish && !live ? (
            <div className="flex flex-wrap items-end gap-2">
              <div>
                <label htmlFor="schedule-at" className="block text-sm font-medium">
                  Publish at (your local time)
                </label>
                <input
                  id="schedule-at"
                  type="datetime-local"
                  className="rounded border border-neutral-400 px-2 py-1"
                  onChange={(e) => setScheduledAt(e.target.value ? new Date(e.target.value).toISOString() : '')}
                />
                <input type="hidden" name="scheduledAt" value={scheduledAt} />
              </div>
              {intent('schedule', 'Schedule')}
            </div>
          ) : null}
          {canPublish ? (
            <div className="flex flex-wrap gap-2 border-t border-neutral-200 pt-3">
              {live ? intent('unpublish', 'Unpublish', danger) : null}
              {live ? intent('archive', 'Archive', danger) : null}
              {intent('trash', 'Move to trash', danger)}
            </div>
          ) : null}
        </>
      )}
    </form>
  );
}
