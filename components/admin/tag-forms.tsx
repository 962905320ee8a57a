'use client';
import { useActionState } from 'react';
import { mergeTagAction, saveTagAction } from '@/app/admin/tags/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';

export function TagForm({ tag }: { tag: { id: number | null; name: string; slug: string; description: string } }) {
  const [state, action, pending] = useActionState(saveTagAction.bind(null, tag.id), initialFormState);
  const e = state.errors ?? {};
  const v = (name: 'name' | 'slug' | 'description') => state.values?.[name] ?? tag[name];
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <FormMessage message={state.message} />
      <Field id="name" label="Name" errors={e.name}>
        <input {...describedBy('name', e.name)} defaultValue={v('name')} className={inputClass} />
      </Field>
      <Field id="slug" label="Slug" errors={e.slug} hint={tag.id ? 'Changing it moves /tag/… ; the old address redirects.' : 'Leave empty to make one from the name.'}>
        <input {...describedBy('slug', e.slug, true)} defaultValue={v('slug')} className={inputClass} />
      </Field>
      <Field id="description" label="Description" errors={e.description}>
        <textarea {...describedBy('description', e.description)} rows={2} defaultValue={v('description')} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : tag.id ? 'Save tag' : 'Create tag'}
      </button>
    </form>
  );
}

export function MergeTagForm({ sourceId, sourceName }: { sourceId: number; sourceName: string }) {
  const [state, action, pending] = useActionState(mergeTagAction.bind(null, sourceId), initialFormState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Merge ${sourceName} into the other tag? ${sourceName} will be deleted.`)) e.preventDefault();
      }}
      className="max-w-xl space-y-3"
      noValidate
    >
      <FormMessage message={state.message} />
      <Field id="target" label="Merge into the tag with slug" errors={state.errors?.target} hint={`Its articles get that tag, and /tag/… of ${sourceName} redirects there.`}>
        <input {...describedBy('target', state.errors?.target, true)} defaultValue={state.values?.target} className={inputClass} />
      </Field>
      <button type="submit" disabled={pending} className="rounded border border-neutral-800 px-4 py-2 font-semibold disabled:opacity-60">
        {pending ? 'Merging…' : 'Merge tags'}
      </button>
    </form>
  );
}
