'use client';
import { useActionState } from 'react';
import { listMediaForPickerAction } from '@/app/admin/articles/actions';
import { BodyField } from '@/app/admin/articles/body-field';
import { savePageAction } from '@/app/admin/pages/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';

const NO_IMAGES = {};

/** `text` is the body in the no-script notation, `bodyJson` the stored body for the editor (the same as articles). */
export function PageForm({ page }: { page: { id: number | null; title: string; slug: string; text: string; bodyJson: string; published: boolean; showInFooter: boolean } }) {
  const [state, action, pending] = useActionState(savePageAction.bind(null, page.id), initialFormState);
  const e = state.errors ?? {};
  const v = (name: 'title' | 'slug' | 'body' | 'bodyJson', stored: string) => state.values?.[name] ?? stored;
  const checked = (name: 'published' | 'showInFooter') => (state.values ? state.values[name] === 'on' : page[name]);
  return (
    <form action={action} className="max-w-3xl space-y-3" noValidate>
      <FormMessage message={state.message} />
      <Field id="title" label="Title" errors={e.title}>
        <input {...describedBy('title', e.title)} defaultValue={v('title', page.title)} className={inputClass} />
      </Field>
      <Field id="slug" label="Slug" errors={e.slug} hint={page.id ? 'Changing it moves the page; the old address redirects.' : 'Leave empty to make one from the title.'}>
        <input {...describedBy('slug', e.slug, true)} defaultValue={v('slug', page.slug)} className={inputClass} />
      </Field>
      <BodyField
        key={JSON.stringify(state.values ?? null)}
        values={{ body: v('body', page.text), bodyJson: v('bodyJson', page.bodyJson) }}
        errors={e.body}
        images={NO_IMAGES}
        listMedia={listMediaForPickerAction}
      />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="published" defaultChecked={checked('published')} /> Published
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="showInFooter" defaultChecked={checked('showInFooter')} /> Link in the footer
      </label>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : page.id ? 'Save page' : 'Create page'}
      </button>
    </form>
  );
}
