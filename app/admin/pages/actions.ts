'use server';
import { redirect } from 'next/navigation';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { createPage, trashPage, updatePage } from '@/lib/pages-editing';
import { readBodyField } from '@/lib/validation/body-field';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { slugify } from '@/lib/validation/library';

export async function savePageAction(id: number | null, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  let savedId = id;
  try {
    const actor = await requireActor('admin', 'editor');
    const title = String(form.get('title') ?? '');
    const parsed = readBodyField(form);
    if (!parsed.ok) return { errors: { body: [parsed.message] }, values, message: 'Check the fields marked below.' };
    const input = { title, slug: String(form.get('slug') ?? '').trim() || slugify(title), body: parsed.body, published: form.get('published') === 'on', showInFooter: form.get('showInFooter') === 'on' };
    const result = id ? await updatePage(actor, id, input) : await createPage(actor, input);
    if (!result.ok) return { errors: result.errors, values, message: result.errors.form?.[0] ?? 'Check the fields marked below.' };
    if (!id && result.value) savedId = result.value.id;
  } catch (error) {
    const message = actionAuthError(error);
    if (message) return { message, values };
    throw error;
  }
  redirect(`/admin/pages/${savedId}?saved=1`);
}

export async function trashPageAction(id: number, _previous: FormState): Promise<FormState> {
  try {
    const result = await trashPage(await requireActor('admin', 'editor'), id);
    if (!result.ok) return { message: Object.values(result.errors)[0]?.[0] };
  } catch (error) {
    const message = actionAuthError(error);
    if (message) return { message };
    throw error;
  }
  redirect('/admin/pages?trashed=1');
}
