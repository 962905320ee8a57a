'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { createPerson, deletePerson, updatePerson } from '@/lib/people-editing';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { SOCIAL_NETWORKS, slugify } from '@/lib/validation/library';
import { fieldsFailed, firstReason, guarded } from '../form-results';

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
  const result = await guarded(values, async () => {
    const actor = await requireActor('admin', 'editor', 'author');
    const input = personFromForm(form);
    const saved = id ? await updatePerson(actor, id, input) : await createPerson(actor, input);
    if (!saved.ok) {
      const errors = Object.fromEntries(Object.entries(saved.errors).map(([k, m]) => [k.replace(/^socialLinks\.(\d+)\.url$/, (_, i: string) => `social.${input.socialLinks[Number(i)]!.network}`), m]));
      return fieldsFailed(errors, values);
    }
    if (!id && saved.value) savedId = saved.value.id;
    return { ok: true };
  });
  if (result.ok) redirect(`/admin/people/${savedId}?saved=1`);
  return result;
}

export async function deletePersonAction(id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(undefined, async () => {
    const deleted = await deletePerson(await requireActor('admin', 'editor'), id);
    return deleted.ok ? { ok: true } : firstReason(deleted.errors);
  });
  if (result.ok) redirect('/admin/people?deleted=1');
  return result;
}
