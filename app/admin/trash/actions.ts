'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { restoreArticle } from '@/lib/article-workflow';
import { requireActor } from '@/lib/auth/session';
import { MediaNotFoundError } from '@/lib/media';
import { TrashConflictError, purgeFromTrash, restoreFromTrash, type TrashKind } from '@/lib/trash';
import type { FormState } from '@/lib/validation/form';
import { guarded } from '../form-results';

export async function restoreAction(kind: TrashKind, id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(
    undefined,
    async () => {
      const actor = await requireActor('admin', 'editor');
      // Articles go through the workflow, which also records a restore revision.
      if (kind === 'article') await restoreArticle(actor, id);
      else await restoreFromTrash(actor, kind, id);
      return { ok: true };
    },
    TrashConflictError,
    MediaNotFoundError,
  );
  // The restored row leaves the list (and its button's message with it): say so on the page.
  if (result.ok) redirect(`/admin/trash?restored=${kind}`);
  return result;
}

export async function purgeAction(kind: TrashKind, id: number, _previous: FormState): Promise<FormState> {
  const result = await guarded(
    undefined,
    async () => {
      const purged = await purgeFromTrash(await requireActor('admin'), kind, id);
      return purged ? { ok: true, message: 'Deleted for good.' } : { message: 'It could not be deleted: it is gone already, or an image is still in use.' };
    },
    TrashConflictError,
    MediaNotFoundError,
  );
  if (result.ok) revalidatePath('/admin/trash');
  return result;
}
