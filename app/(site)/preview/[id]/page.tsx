import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ArticleNotFoundError, getArticleForEditing } from '@/lib/article-workflow';
import { AuthorizationError } from '@/lib/auth/actor';
import { getCurrentActor } from '@/lib/auth/session';
import { PreviewBody } from '@/components/admin/preview-body';

// Staff only, never indexed; the response is dynamic (it reads the session cookie), so Next sends
// `private, no-store` and the front layer never caches a request that carries the session cookie.
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function PreviewPage({ params }: Props) {
  const id = Number((await params).id);
  const actor = await getCurrentActor();
  if (!actor) redirect(`/admin/login?next=${encodeURIComponent(`/admin/articles/${Number.isInteger(id) ? id : ''}`)}`);
  if (!Number.isInteger(id) || id <= 0) notFound();
  let article;
  try {
    article = await getArticleForEditing(actor, id);
  } catch (error) {
    if (error instanceof ArticleNotFoundError || error instanceof AuthorizationError) notFound();
    throw error;
  }
  const { copy } = article;
  return (
    <article>
      <p role="note" className="mb-4 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Preview of the {article.hasStagedEdit ? 'staged edit' : 'working copy'} — readers {article.publicPath ? 'see the published version' : 'cannot see this yet'}.
      </p>
      <p className="text-sm font-semibold uppercase text-brand">{article.sectionName}</p>
      <h1 className="font-serif text-3xl font-bold">{copy.headline}</h1>
      {copy.standfirst ? <p className="mt-2 text-lg text-neutral-700">{copy.standfirst}</p> : null}
      <PreviewBody blocks={copy.body.blocks} />
    </article>
  );
}
