'use server';
import { redirect } from 'next/navigation';
import { requireActor } from '@/lib/auth/session';
import { MediaInUseError, MediaNotFoundError, trashMedia, updateMediaDetails } from '@/lib/media';
import { submittedValues, type FormState } from '@/lib/validation/form';
import { guarded } from '../form-results';

export async function updateMediaAction(id: number, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  return guarded(
    values,
    async () => {
      const actor = await requireActor('admin', 'editor', 'author');
      const result = await updateMediaDetails(actor, id, {
        alt: form.get('alt') ?? '',
        caption: form.get('caption') ?? '',
        credit: form.get('credit') ?? '',
        focalX: form.get('focalX') ?? 0.5,
        focalY: form.get('focalY') ?? 0.5,
      });
      if (!result.ok) return { errors: result.errors, values, message: 'Check the fields marked below.' };
      return { ok: true, message: 'Saved. Pages that show this image are updated.', values };
    },
    MediaNotFoundError,
  );
}

export async function trashMediaAction(id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(
    undefined,
    async () => {
      await trashMedia(await requireActor('admin', 'editor', 'author'), id);
      return { ok: true };
    },
    MediaInUseError,
    MediaNotFoundError,
  );
  if (result.ok) redirect('/admin/media?trashed=1');
  return result;
}
