import { notFound } from 'next/navigation';
import { getPublishedArticle } from '@/lib/articles';

type Props = { params: Promise<{ section: string; slug: string }> };

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await getPublishedArticle(section, slug);
  if (!article) notFound();
  return (
    <article>
      <p className="text-sm font-semibold uppercase text-brand">{article.sectionName}</p>
      <h1 className="font-serif text-3xl font-bold">{article.headline}</h1>
      <p className="mt-2 text-lg text-neutral-700">{article.standfirst}</p>
      <div className="prose mt-6">
        {article.body.blocks.map((block, i) =>
          block.type === 'paragraph' ? <p key={i}>{block.content.map((c) => c.text).join('')}</p> : null,
        )}
      </div>
    </article>
  );
}
