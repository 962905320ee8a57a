'use server';
import { redirect } from 'next/navigation';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { MediaInUseError, MediaNotFoundError, trashMedia, updateMediaDetails } from '@/lib/media';
import { submittedValues, type FormState } from '@/lib/validation/form';

export async function updateMediaAction(id: number, _previous: FormState, form: FormData): Promise<FormState> {
  const values = submittedValues(form);
  try {
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
  } catch (error) {
    const message = actionAuthError(error) ?? (error instanceof MediaNotFoundError ? error.message : null);
    if (message) return { message, values };
    throw error;
  }
}

export async function trashMediaAction(id: number, _previous: FormState): Promise<FormState> {
  try {
    const actor = await requireActor('admin', 'editor', 'author');
    await trashMedia(actor, id);
  } catch (error) {
    const message = actionAuthError(error) ?? (error instanceof MediaInUseError || error instanceof MediaNotFoundError ? error.message : null);
    if (message) return { message };
    throw error;
  }
  redirect('/admin/media?trashed=1');
}
