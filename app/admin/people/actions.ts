'use server';
import { redirect } from 'next/navigation';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { createPerson, deletePerson, updatePerson } from '@/lib/people-editing';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { SOCIAL_NETWORKS, slugify } from '@/lib/validation/library';

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

function personFromForm(form: FormData) {
  const name = text(form, 'name');
  return {
    name,
    slug: text(form, 'slug') || slugify(name),
    jobTitle: text(form, 'jobTitle'),
    bio: text(form, 'bio'),
    photoId: text(form, 'photoId') || null,
    userId: text(form, 'userId') || null,
    socialLinks: SOCIAL_NETWORKS.map((network) => ({ network, url: text(form, `social.${network}`) })).filter((l) => l.url),
  };
}

export async function savePersonAction(id: number | null, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  let savedId = id;
  try {
    const actor = await requireActor('admin', 'editor', 'author');
    const input = personFromForm(form);
    const result = id ? await updatePerson(actor, id, input) : await createPerson(actor, input);
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([k, m]) => [k.replace(/^socialLinks\.(\d+)\.url$/, (_, i: string) => `social.${input.socialLinks[Number(i)]!.network}`), m]));
      return { errors, values, message: errors.form?.[0] ?? 'Check the fields marked below.' };
    }
    if (!id && result.value) savedId = result.value.id;
  } catch (error) {
    const message = actionAuthError(error);
    if (message) return { message, values };
    throw error;
  }
  redirect(`/admin/people/${savedId}?saved=1`);
}

export async function deletePersonAction(id: number, _previous: FormState): Promise<FormState> {
  try {
    const result = await deletePerson(await requireActor('admin', 'editor'), id);
    if (!result.ok) return { message: Object.values(result.errors)[0]?.[0] };
  } catch (error) {
    const message = actionAuthError(error);
    if (message) return { message };
    throw error;
  }
  redirect('/admin/people?deleted=1');
}
