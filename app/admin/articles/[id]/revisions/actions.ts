'use server';
/**
 * Restoring a revision: authorize → validate → data call (which checks the role again, saves
 * through the optimistic lock and audits) → redirect. A conflict comes back as a message, so the
 * person sees that someone saved in the meantime and can compare again.
 */
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ArticleInputError, ArticleNotFoundError, EditConflictError } from '@/lib/article-workflow';
import { actionAuthError } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { restoreRevision, RevisionNotFoundError } from '@/lib/revisions';
import type { FormState } from '@/lib/validation/form';

const restoreSchema = z.object({
  articleId: z.coerce.number().int().positive(),
  revisionId: z.coerce.number().int().positive(),
  baseVersion: z.coerce.number().int().positive(),
});

export async function restoreRevisionAction(_previous: FormState, form: FormData): Promise<FormState> {
  let target: string;
  try {
    const actor = await requireActor();
    const parsed = restoreSchema.safeParse({ articleId: form.get('articleId'), revisionId: form.get('revisionId'), baseVersion: form.get('baseVersion') });
    if (!parsed.success) return { message: 'This restore form is incomplete; reload the page and try again.' };
    const { articleId, revisionId, baseVersion } = parsed.data;
    const { version, dropped } = await restoreRevision(actor, articleId, revisionId, { baseVersion });
    target = `/admin/articles/${articleId}/revisions?restored=${version}${dropped.length ? '&dropped=1' : ''}`;
  } catch (error) {
    const auth = actionAuthError(error);
    if (auth) return { message: auth };
    if (error instanceof EditConflictError) return { message: 'Someone saved this article after you opened this page, so nothing was restored. Reload to see their version, then choose again.' };
    if (error instanceof ArticleInputError || error instanceof ArticleNotFoundError || error instanceof RevisionNotFoundError) return { message: error.message };
    throw error;
  }
  redirect(target);
}
