import type { Metadata } from 'next';
import { ArchiveView } from '@/components/listing/archive-view';
import { listTagArticles } from '@/lib/articles';
import { getSiteSettings } from '@/lib/settings';
import { getTag } from '@/lib/taxonomy';
import { pageNumber, pageSuffix, type SearchParams } from '../../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../../_lib/not-found';

type Props = { params: Promise<{ slug: string }>; searchParams: SearchParams };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const tag = await getTag((await params).slug);
  if (!tag) return notFoundMetadata;
  const page = await pageNumber(searchParams, tag.path);
  return { title: `${tag.name}${pageSuffix(page)}`, description: tag.description ?? `Stories about ${tag.name}.` };
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await getTag((await params).slug);
  if (!tag) return notFoundPage();
  const page = await pageNumber(searchParams, tag.path);
  if (page === null) return notFoundPage();
  const [settings, listing] = await Promise.all([getSiteSettings(), listTagArticles(tag.id, page)]);
  if (page > listing.totalPages) return notFoundPage();
  return <ArchiveView kicker="Topic" title={tag.name} intro={tag.description} basePath={tag.path} listing={listing} settings={settings} />;
}
