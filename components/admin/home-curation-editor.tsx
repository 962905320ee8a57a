'use client';
/**
 * Choose the lead and order the top stories. Nothing is saved until "Save home page"; the
 * server refuses duplicates and stories that are not live, and so does this editor.
 */
import { useActionState, useState } from 'react';
import { saveCurationAction } from '@/app/admin/home/actions';
import { FormMessage } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';

export interface StoryOption {
  id: number;
  headline: string;
  path: string;
}

interface Slot extends StoryOption {
  pinned: boolean;
}

const button = 'rounded border border-neutral-700 px-2 py-1 text-xs font-medium hover:bg-neutral-100 disabled:opacity-40';

export function HomeCurationEditor({
  lead: initialLead,
  top: initialTop,
  candidates,
  maxTop,
  shown,
}: {
  lead: StoryOption | null;
  top: Slot[];
  candidates: StoryOption[];
  maxTop: number;
  /** How many top stories the reader home shows. */
  shown: number;
}) {
  const [lead, setLead] = useState<StoryOption | null>(initialLead);
  const [top, setTop] = useState<Slot[]>(initialTop);
  const [state, action, pending] = useActionState(saveCurationAction, initialFormState);
  const used = new Set([lead?.id, ...top.map((t) => t.id)]);

  const move = (index: number, by: number) =>
    setTop((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="curation" value={JSON.stringify({ leadId: lead?.id ?? null, top: top.map((t) => ({ articleId: t.id, pinned: t.pinned })) })} />
      <FormMessage message={state.message} ok={state.ok} />
      <section aria-labelledby="lead-title" className="rounded border border-neutral-300 bg-white p-4">
        <h2 id="lead-title" className="mb-2 font-semibold">
          Lead story
        </h2>
        {lead ? (
          <div className="flex items-center justify-between gap-3">
            <a href={lead.path} className="font-serif text-lg underline">
              {lead.headline}
            </a>
            <button type="button" className={button} onClick={() => setLead(null)}>
              Remove lead
            </button>
          </div>
        ) : (
          <p className="text-neutral-700">No lead chosen: the newest story leads.</p>
        )}
      </section>
      <section aria-labelledby="top-title" className="rounded border border-neutral-300 bg-white p-4">
        <h2 id="top-title" className="mb-2 font-semibold">
          Top stories ({top.length} of {maxTop})
        </h2>
        <p className="mb-2 text-sm text-neutral-700">Readers see the first {shown}. Pinned stories keep their place. Unpinned ones move down as new stories are published.</p>
        {top.length ? (
          <ol className="space-y-2">
            {top.map((slot, i) => (
              <li key={slot.id} className="flex flex-wrap items-center gap-2 border-b border-neutral-200 pb-2">
                <span className="w-6 text-right text-sm text-neutral-600">{i + 1}.</span>
                <span className="min-w-0 flex-1">{slot.headline}</span>
                <label className="flex items-center gap-1 text-sm">
                  <input type="checkbox" checked={slot.pinned} onChange={(e) => setTop((list) => list.map((t) => (t.id === slot.id ? { ...t, pinned: e.target.checked } : t)))} />
                  Pinned<span className="sr-only">: {slot.headline}</span>
                </label>
                <button type="button" className={button} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move up: ${slot.headline}`}>
                  ↑
                </button>
                <button type="button" className={button} disabled={i === top.length - 1} onClick={() => move(i, 1)} aria-label={`Move down: ${slot.headline}`}>
                  ↓
                </button>
                <button type="button" className={button} onClick={() => setTop((list) => list.filter((t) => t.id !== slot.id))} aria-label={`Remove: ${slot.headline}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-neutral-700">No top stories chosen: the newest stories fill the places.</p>
        )}
      </section>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : 'Save home page'}
      </button>
      <section aria-labelledby="candidates-title" className="space-y-2">
        <h2 id="candidates-title" className="font-semibold">
          Published stories
        </h2>
        {candidates.length ? (
          <ul className="divide-y divide-neutral-200 rounded border border-neutral-300 bg-white">
            {candidates.map((story) => (
              <li key={story.id} className="flex flex-wrap items-center gap-2 px-3 py-2">
                <span className="min-w-0 flex-1">{story.headline}</span>
                <button type="button" className={button} disabled={used.has(story.id)} onClick={() => setLead(story)} aria-label={`Make lead: ${story.headline}`}>
                  Make lead
                </button>
                <button
                  type="button"
                  className={button}
                  disabled={used.has(story.id) || top.length >= maxTop}
                  onClick={() => setTop((list) => [...list, { ...story, pinned: false }])}
                  aria-label={`Add to top stories: ${story.headline}`}
                >
                  Add to top
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-neutral-700">No published story matches.</p>
        )}
      </section>
    </form>
  );
}
