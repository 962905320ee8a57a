'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { createPage, trashPage, updatePage } from '@/lib/pages-editing';
import { readBodyField } from '@/lib/validation/body-field';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { slugify } from '@/lib/validation/library';
import { fieldsFailed, firstReason, guarded } from '../form-results';

export async function savePageAction(id: number | null, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  let savedId = id;
  const result = await guarded(values, async () => {
    const actor = await requireActor('admin', 'editor');
    const title = String(form.get('title') ?? '');
    const parsed = readBodyField(form);
    if (!parsed.ok) return fieldsFailed({ body: [parsed.message] }, values);
    const input = { title, slug: String(form.get('slug') ?? '').trim() || slugify(title), body: parsed.body, published: form.get('published') === 'on', showInFooter: form.get('showInFooter') === 'on' };
    const saved = id ? await updatePage(actor, id, input) : await createPage(actor, input);
    if (!saved.ok) return fieldsFailed(saved.errors, values);
    if (!id && saved.value) savedId = saved.value.id;
    return { ok: true };
  });
  if (result.ok) redirect(`/admin/pages/${savedId}?saved=1`);
  return result;
}

export async function trashPageAction(id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(undefined, async () => {
    const trashed = await trashPage(await requireActor('admin', 'editor'), id);
    return trashed.ok ? { ok: true } : firstReason(trashed.errors);
  });
  if (result.ok) redirect('/admin/pages?trashed=1');
  return result;
}
