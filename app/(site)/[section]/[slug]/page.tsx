import type { Metadata } from 'next';
import { ArticleView } from '@/components/article/article-view';
import { ArchiveView } from '@/components/listing/archive-view';
import { JsonLd } from '@/components/seo/json-ld';
import { getNextInSection, getPublishedArticle, listRelatedArticles, listSectionArticles } from '@/lib/articles';
import { config } from '@/lib/config';
import { formatArchiveTitle, parseArchiveDate } from '@/lib/format';
import { getSiteSettings } from '@/lib/settings';
import { getArticleSeo, getSeoSettings } from '@/lib/seo/data';
import { articleMetadata, dateArchiveMetadata, sectionMetadata } from '@/lib/seo/metadata';
import { articleStructuredData, listingStructuredData } from '@/lib/seo/structured-data';
import { getSubSection } from '@/lib/taxonomy';
import { DateArchive } from '../../_lib/date-archive';
import { pageNumber, type SearchParams } from '../../_lib/listing';
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
  const seo = await getSeoSettings();
  switch (found.kind) {
    case 'month': {
      const page = await pageNumber(searchParams, `/${section}/${slug}`);
      return dateArchiveMetadata({ name: `Archive: ${formatArchiveTitle(found.date, false)}`, path: `/${section}/${slug}`, page: page ?? 1 }, seo);
    }
    case 'section': {
      const page = await pageNumber(searchParams, found.section.path);
      return sectionMetadata({ name: found.section.name, description: found.section.description, path: found.section.path, page: page ?? 1 }, seo);
    }
    case 'article': {
      const article = await getArticleSeo(section, slug);
      return article ? articleMetadata(article, seo) : notFoundMetadata;
    }
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
    const [listing, seo] = await Promise.all([listSectionArticles({ id: sub.id, isTopLevel: false }, page), getSeoSettings()]);
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
      >
        <JsonLd data={listingStructuredData({ name: sub.name, description: sub.description, path: sub.path, page, parents: [sub.parent!], items: listing.items }, seo)} />
      </ArchiveView>
    );
  }

  const { article } = found;
  const [related, next, seo, seoSettings] = await Promise.all([
    listRelatedArticles({ id: article.id, primarySectionId: article.primarySectionId, publishedAt: article.publishedAt, tagIds: article.tags.map((t) => t.id) }),
    getNextInSection(article),
    getArticleSeo(section, slug),
    getSeoSettings(),
  ]);
  // Related stories and "continue reading" must not repeat each other.
  const relatedShown = related.filter((r) => r.id !== next?.id).slice(0, 4);
  return (
    <>
      {seo ? <JsonLd data={articleStructuredData(seo, seoSettings)} /> : null}
      <ArticleView article={article} settings={settings} url={`${config().SITE_URL}${article.path}`} related={relatedShown} next={next} />
    </>
  );
}
