'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { createSection, deleteSection, moveSection, updateSection } from '@/lib/taxonomy-editing';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { slugify } from '@/lib/validation/library';
import { fieldsFailed, firstReason, guarded } from '../form-results';

function sectionFromForm(form: FormData) {
  const name = String(form.get('name') ?? '');
  const slug = String(form.get('slug') ?? '').trim();
  const parent = String(form.get('parentId') ?? '');
  return { name, slug: slug || slugify(name), description: String(form.get('description') ?? ''), parentId: parent ? parent : null, showInNav: form.get('showInNav') === 'on' };
}

export async function saveSectionAction(id: number | null, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  const result = await guarded(values, async () => {
    const actor = await requireActor('admin', 'editor');
    const input = sectionFromForm(form);
    const saved = id ? await updateSection(actor, id, input) : await createSection(actor, input);
    return saved.ok ? { ok: true } : fieldsFailed(saved.errors, values);
  });
  if (result.ok) redirect(id ? `/admin/sections?saved=${id}` : '/admin/sections?created=1');
  return result;
}

export async function moveSectionAction(id: number, direction: 'up' | 'down'): Promise<void> {
  await moveSection(await requireActor('admin', 'editor'), id, direction);
  redirect('/admin/sections');
}

export async function deleteSectionAction(id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(undefined, async () => {
    const deleted = await deleteSection(await requireActor('admin', 'editor'), id);
    return deleted.ok ? { ok: true } : firstReason(deleted.errors);
  });
  if (result.ok) redirect('/admin/sections?deleted=1');
  return result;
}
