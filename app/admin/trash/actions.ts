'use server';
import { revalidatePath } from 'next/cache';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { MediaNotFoundError } from '@/lib/media';
import { TrashConflictError, purgeFromTrash, restoreFromTrash, type TrashKind } from '@/lib/trash';
import type { FormState } from '@/lib/validation/form';

function known(error: unknown): string | null {
  return actionAuthError(error) ?? (error instanceof TrashConflictError || error instanceof MediaNotFoundError ? error.message : null);
}

export async function restoreAction(kind: TrashKind, id: number, _previous: FormState): Promise<FormState> {
  try {
    await restoreFromTrash(await requireActor('admin', 'editor'), kind, id);
  } catch (error) {
    const message = known(error);
    if (message) return { message };
    throw error;
  }
  revalidatePath('/admin/trash');
  return { ok: true, message: 'Restored.' };
}

export async function purgeAction(kind: TrashKind, id: number, _previous: FormState): Promise<FormState> {
  try {
    const purged = await purgeFromTrash(await requireActor('admin'), kind, id);
    if (!purged) return { message: 'It could not be deleted: it is gone already, or an image is still in use.' };
  } catch (error) {
    const message = known(error);
    if (message) return { message };
    throw error;
  }
  revalidatePath('/admin/trash');
  return { ok: true, message: 'Deleted for good.' };
}
