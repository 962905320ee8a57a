import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { ArticleBody } from '@/components/article/article-body';
import { Picture } from '@/components/common/picture';
import { ArticleNotFoundError, getArticleForEditing } from '@/lib/article-workflow';
import { AuthorizationError } from '@/lib/auth/actor';
import { getCurrentActor } from '@/lib/auth/session';
import { parseId } from '@/lib/validation/ids';

// Staff only, never indexed; the response is dynamic (it reads the session cookie), so Next sends
// `private, no-store` and the front layer never caches a request that carries the session cookie.
export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }> };

export default async function PreviewPage({ params }: Props) {
  const id = parseId((await params).id);
  const actor = await getCurrentActor();
  if (!actor) redirect(`/admin/login?next=${encodeURIComponent(`/admin/articles/${id ?? ''}`)}`);
  if (id === null) notFound();
  let article;
  try {
    article = await getArticleForEditing(actor, id);
  } catch (error) {
    if (error instanceof ArticleNotFoundError || error instanceof AuthorizationError) notFound();
    throw error;
  }
  const { copy } = article;
  const hero = copy.heroImageId ? article.images[copy.heroImageId] : undefined;
  return (
    <article aria-labelledby="article-headline">
      <p role="note" className="mb-4 rounded border border-amber-700 bg-amber-50 px-3 py-2 font-sans text-sm text-amber-900">
        Preview of the {article.hasStagedEdit ? 'staged edit' : 'working copy'} — readers {article.publicPath ? 'see the published version until it is published' : 'cannot see this yet'}.
      </p>
      <header className="mb-6">
        <p className="kicker">{copy.isOpinion ? `Opinion · ${article.sectionName}` : article.sectionName}</p>
        <h1 id="article-headline" className="mt-2 font-serif text-3xl leading-tight font-black sm:text-5xl">
          {copy.headline}
        </h1>
        {copy.standfirst ? <p className="mt-3 font-serif text-xl leading-snug text-muted">{copy.standfirst}</p> : null}
      </header>
      {hero ? (
        <figure className="mb-6">
          <Picture image={hero} sizes="(min-width: 1024px) 760px, 100vw" eager />
          {copy.heroCaption || copy.heroCredit ? <figcaption className="mt-2 font-sans text-sm text-muted">{[copy.heroCaption, copy.heroCredit].filter(Boolean).join(' · ')}</figcaption> : null}
        </figure>
      ) : null}
      <ArticleBody body={copy.body} media={article.images} />
      {copy.correction ? <p className="mt-6 border-l-4 border-rule pl-3 font-sans text-sm">Correction: {copy.correction}</p> : null}
    </article>
  );
}
