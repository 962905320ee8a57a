'use client';
import { useActionState } from 'react';
import { saveSectionAction } from '@/app/admin/sections/actions';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { initialFormState } from '@/lib/validation/form';

export interface SectionFormValues {
  id: number | null;
  name: string;
  slug: string;
  description: string;
  parentId: number | null;
  showInNav: boolean;
}

export function SectionForm({ section, parents }: { section: SectionFormValues; parents: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(saveSectionAction.bind(null, section.id), initialFormState);
  const e = state.errors ?? {};
  const v = (name: keyof SectionFormValues) => state.values?.[name] ?? String(section[name] ?? '');
  const editing = section.id !== null;
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <FormMessage message={state.message} />
      <Field id="name" label="Name" errors={e.name}>
        <input {...describedBy('name', e.name)} defaultValue={v('name')} className={inputClass} />
      </Field>
      <Field id="slug" label="Slug" errors={e.slug} hint={editing ? 'Changing it moves the section’s address; the old one redirects.' : 'Leave empty to make one from the name.'}>
        <input {...describedBy('slug', e.slug, true)} defaultValue={v('slug')} className={inputClass} />
      </Field>
      <Field id="parentId" label="Parent" errors={e.parentId} hint={editing ? 'A section keeps its parent.' : undefined}>
        <select {...describedBy('parentId', e.parentId, editing)} defaultValue={v('parentId')} disabled={editing} className={inputClass}>
          <option value="">None (top level)</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      {editing && section.parentId ? <input type="hidden" name="parentId" value={section.parentId} /> : null}
      <Field id="description" label="Description" errors={e.description}>
        <textarea {...describedBy('description', e.description)} rows={2} defaultValue={v('description')} className={inputClass} />
      </Field>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="showInNav" defaultChecked={state.values ? state.values.showInNav === 'on' : section.showInNav} /> Show in navigation
      </label>
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
        {pending ? 'Saving…' : editing ? 'Save section' : 'Create section'}
      </button>
    </form>
  );
}
