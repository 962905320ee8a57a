'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { createTag, deleteTag, findTagIdBySlug, mergeTags, updateTag } from '@/lib/taxonomy-editing';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { slugify } from '@/lib/validation/library';
import { fieldsFailed, firstReason, guarded } from '../form-results';

export async function saveTagAction(id: number | null, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  const result = await guarded(values, async () => {
    const actor = await requireActor('admin', 'editor');
    const name = String(form.get('name') ?? '');
    const input = { name, slug: String(form.get('slug') ?? '').trim() || slugify(name), description: String(form.get('description') ?? '') };
    const saved = id ? await updateTag(actor, id, input) : await createTag(actor, input);
    return saved.ok ? { ok: true } : fieldsFailed(saved.errors, values);
  });
  if (result.ok) redirect(id ? `/admin/tags/${id}?saved=1` : '/admin/tags?created=1');
  return result;
}

export async function mergeTagAction(sourceId: number, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  let targetId = 0;
  const result = await guarded(values, async () => {
    const actor = await requireActor('admin', 'editor');
    const slug = String(form.get('target') ?? '').trim().replace(/^\/?tag\//, '');
    const target = slug ? await findTagIdBySlug(actor, slug) : null;
    if (!target) return { errors: { target: ['No tag has that slug.'] }, values };
    targetId = target;
    const merged = await mergeTags(actor, sourceId, target);
    return merged.ok ? { ok: true } : { errors: { target: Object.values(merged.errors)[0] ?? [] }, values };
  });
  if (result.ok) redirect(`/admin/tags/${targetId}?merged=1`);
  return result;
}

export async function deleteTagAction(id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(undefined, async () => {
    const deleted = await deleteTag(await requireActor('admin', 'editor'), id);
    return deleted.ok ? { ok: true } : firstReason(deleted.errors);
  });
  if (result.ok) redirect('/admin/tags?deleted=1');
  return result;
}
