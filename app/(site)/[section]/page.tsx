import type { Metadata } from 'next';
import { ArticleBody } from '@/components/article/article-body';
import { ArchiveView } from '@/components/listing/archive-view';
import { listSectionArticles } from '@/lib/articles';
import { recordTags, tags } from '@/lib/cache-tags';
import { JsonLd } from '@/components/seo/json-ld';
import { getPublishedPage } from '@/lib/pages';
import { getSeoSettings } from '@/lib/seo/data';
import { sectionMetadata, staticPageMetadata } from '@/lib/seo/metadata';
import { listingStructuredData } from '@/lib/seo/structured-data';
import { getSiteSettings } from '@/lib/settings';
import { getTopSection } from '@/lib/taxonomy';
import { pageNumber, type SearchParams } from '../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../_lib/not-found';
import { SectionNav } from '@/components/layout/section-nav';

type Props = { params: Promise<{ section: string }>; searchParams: SearchParams };

/** Sections and static pages share the top-level namespace (DESIGN §4); a section wins. */
async function resolve(slug: string) {
  const section = await getTopSection(slug);
  if (section) return { kind: 'section' as const, section };
  const page = await getPublishedPage(slug);
  if (page) return { kind: 'page' as const, page };
  recordTags(tags.missing(`/${slug}`));
  return null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const found = await resolve((await params).section);
  if (!found) return notFoundMetadata;
  const seo = await getSeoSettings();
  if (found.kind === 'page') return staticPageMetadata({ title: found.page.title, path: `/${found.page.slug}` }, seo);
  const page = await pageNumber(searchParams, found.section.path);
  return sectionMetadata({ name: found.section.name, description: found.section.description, path: found.section.path, page: page ?? 1 }, seo);
}

export default async function TopLevelPage({ params, searchParams }: Props) {
  const found = await resolve((await params).section);
  if (!found) return notFoundPage();

  if (found.kind === 'page') {
    return (
      <article className="mx-auto max-w-3xl">
        <h1 className="mb-6 border-b border-rule pb-4 font-serif text-4xl font-black">{found.page.title}</h1>
        <ArticleBody body={found.page.body} media={{}} />
      </article>
    );
  }

  const { section } = found;
  const page = await pageNumber(searchParams, section.path);
  if (page === null) return notFoundPage();
  const [settings, listing, seo] = await Promise.all([getSiteSettings(), listSectionArticles({ id: section.id, isTopLevel: true }, page), getSeoSettings()]);
  if (page > listing.totalPages) return notFoundPage();
  return (
    <ArchiveView title={section.name} intro={section.description} basePath={section.path} listing={listing} settings={settings} withLead>
      <JsonLd data={listingStructuredData({ name: section.name, description: section.description, path: section.path, page, items: listing.items }, seo)} />
      {section.children.length ? (
        <SectionNav
          label={`${section.name} sub-sections`}
          sections={section.children}
          className="mb-6"
          listClassName="flex flex-wrap gap-2 font-sans text-sm"
          linkClassName="inline-block border border-rule px-3 py-1.5 font-semibold text-ink hover:bg-surface"
        />
      ) : null}
    </ArchiveView>
  );
}
