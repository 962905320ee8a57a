import type { Metadata } from 'next';
import { ArchiveView } from '@/components/listing/archive-view';
import { JsonLd } from '@/components/seo/json-ld';
import { listTagArticles } from '@/lib/articles';
import { getSeoSettings } from '@/lib/seo/data';
import { tagMetadata } from '@/lib/seo/metadata';
import { listingStructuredData } from '@/lib/seo/structured-data';
import { getSiteSettings } from '@/lib/settings';
import { getTag } from '@/lib/taxonomy';
import { pageNumber, type SearchParams } from '../../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../../_lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const tag = await getTag((await params).slug);
  if (!tag) return notFoundMetadata;
  const page = await pageNumber(searchParams, tag.path);
  return tagMetadata({ name: tag.name, description: tag.description, path: tag.path, page: page ?? 1 }, await getSeoSettings());
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await getTag((await params).slug);
  if (!tag) return notFoundPage();
  const page = await pageNumber(searchParams, tag.path);
  if (page === null) return notFoundPage();
  const [settings, listing, seo] = await Promise.all([getSiteSettings(), listTagArticles(tag.id, page), getSeoSettings()]);
  if (page > listing.totalPages) return notFoundPage();
  return (
    <ArchiveView kicker="Topic" title={tag.name} intro={tag.description} basePath={tag.path} listing={listing} settings={settings}>
      <JsonLd data={listingStructuredData({ name: tag.name, description: tag.description, path: tag.path, page, items: listing.items }, seo)} />
    </ArchiveView>
  );
}
