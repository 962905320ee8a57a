'use server';
import { redirect } from 'next/navigation';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { createSection, deleteSection, moveSection, updateSection } from '@/lib/taxonomy-editing';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { slugify } from '@/lib/validation/library';

function sectionFromForm(form: FormData) {
  const name = String(form.get('name') ?? '');
  const slug = String(form.get('slug') ?? '').trim();
  const parent = String(form.get('parentId') ?? '');
  return { name, slug: slug || slugify(name), description: String(form.get('description') ?? ''), parentId: parent ? parent : null, showInNav: form.get('showInNav') === 'on' };
}

async function guarded(values: Record<string, string> | undefined, work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    const message = actionAuthError(error);
    if (message) return { message, values };
    throw error;
  }
}

export async function saveSectionAction(id: number | null, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  const result = await guarded(values, async () => {
    const actor = await requireActor('admin', 'editor');
    const input = sectionFromForm(form);
    const saved = id ? await updateSection(actor, id, input) : await createSection(actor, input);
    return saved.ok ? { ok: true } : { errors: saved.errors, values, message: saved.errors.form?.[0] ?? 'Check the fields marked below.' };
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
    return deleted.ok ? { ok: true } : { message: Object.values(deleted.errors)[0]?.[0] };
  });
  if (result.ok) redirect('/admin/sections?deleted=1');
  return result;
}
