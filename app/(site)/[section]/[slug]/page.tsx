import type { Metadata } from 'next';
import { ArticleView } from '@/components/article/article-view';
import { ArchiveView } from '@/components/listing/archive-view';
import { getNextInSection, getPublishedArticle, listRelatedArticles, listSectionArticles } from '@/lib/articles';
import { config } from '@/lib/config';
import { formatArchiveTitle, parseArchiveDate } from '@/lib/format';
import { getSiteSettings } from '@/lib/settings';
import { getSubSection } from '@/lib/taxonomy';
import { DateArchive } from '../../_lib/date-archive';
import { pageNumber, pageSuffix, type SearchParams } from '../../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../../_lib/not-found';

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: SearchParams };

/** `/{yyyy}/{mm}` is a month archive; otherwise a sub-section first, then an article (DESIGN §4). */
async function resolve(a: string, b: string) {
  if (/^\d+$/.test(a)) {
    const date = parseArchiveDate(a, b);
    return date ? { kind: 'month' as const, date } : null;
  }
  const section = await getSubSection(a, b);
  if (section) return { kind: 'section' as const, section };
  const article = await getPublishedArticle(a, b);
  return article ? { kind: 'article' as const, article } : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const found = await resolve(section, slug);
  if (!found) return notFoundMetadata;
  switch (found.kind) {
    case 'month': {
      const page = await pageNumber(searchParams, `/${section}/${slug}`);
      return { title: `Archive: ${formatArchiveTitle(found.date, false)}${pageSuffix(page)}` };
    }
    case 'section': {
      const page = await pageNumber(searchParams, found.section.path);
      return { title: `${found.section.name}${pageSuffix(page)}`, description: found.section.description ?? undefined };
    }
    case 'article':
      return { title: found.article.seoTitle || found.article.headline, description: found.article.seoDescription || found.article.standfirst || undefined };
  }
}

export default async function SecondLevelPage({ params, searchParams }: Props) {
  const { section, slug } = await params;
  const found = await resolve(section, slug);
  if (!found) return notFoundPage();
  const settings = await getSiteSettings();

  if (found.kind === 'month') {
    const page = await pageNumber(searchParams, `/${section}/${slug}`);
    if (page === null) return notFoundPage();
    return <DateArchive date={found.date} withDay={false} page={page} settings={settings} />;
  }

  if (found.kind === 'section') {
    const sub = found.section;
    const page = await pageNumber(searchParams, sub.path);
    if (page === null) return notFoundPage();
    const listing = await listSectionArticles({ id: sub.id, isTopLevel: false }, page);
    if (page > listing.totalPages) return notFoundPage();
    return (
      <ArchiveView
        kicker={<a href={sub.parent!.path} className="hover:underline">{sub.parent!.name}</a>}
        title={sub.name}
        intro={sub.description}
        basePath={sub.path}
        listing={listing}
        settings={settings}
        withLead
      />
    );
  }

  const { article } = found;
  const [related, next] = await Promise.all([
    listRelatedArticles({ id: article.id, primarySectionId: article.primarySectionId, publishedAt: article.publishedAt, tagIds: article.tags.map((t) => t.id) }),
    getNextInSection(article),
  ]);
  // Related stories and "continue reading" must not repeat each other.
  const relatedShown = related.filter((r) => r.id !== next?.id).slice(0, 4);
  return <ArticleView article={article} settings={settings} url={`${config().SITE_URL}${article.path}`} related={relatedShown} next={next} />;
}
