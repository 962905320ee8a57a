import type { Metadata } from 'next';
import { recordTags, tags } from '@/lib/cache-tags';
import { formatArchiveTitle, parseArchiveDate } from '@/lib/format';
import { getSeoSettings } from '@/lib/seo/data';
import { dateArchiveMetadata } from '@/lib/seo/metadata';
import { getSiteSettings } from '@/lib/settings';
import { DateArchive } from '../../../_lib/date-archive';
import { pageNumber, type SearchParams } from '../../../_lib/listing';
import { notFoundMetadata, notFoundPage } from '../../../_lib/not-found';

type Props = { params: Promise<{ section: string; slug: string; day: string }>; searchParams: SearchParams };

/** Three-segment reader URLs exist only as day archives, `/{yyyy}/{mm}/{dd}`. */
async function resolve({ section, slug, day }: Awaited<Props['params']>) {
  const date = parseArchiveDate(section, slug, day);
  if (!date) recordTags(tags.missing(`/${section}/${slug}/${day}`));
  return date;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const p = await params;
  const date = await resolve(p);
  if (!date) return notFoundMetadata;
  const path = `/${p.section}/${p.slug}/${p.day}`;
  const page = await pageNumber(searchParams, path);
  return dateArchiveMetadata({ name: `Archive: ${formatArchiveTitle(date, true)}`, path, page: page ?? 1 }, await getSeoSettings());
}

export default async function DayArchivePage({ params, searchParams }: Props) {
  const p = await params;
  const date = await resolve(p);
  if (!date) return notFoundPage();
  const [settings, page] = await Promise.all([getSiteSettings(), pageNumber(searchParams, `/${p.section}/${p.slug}/${p.day}`)]);
  if (page === null) return notFoundPage();
  return <DateArchive date={date} withDay page={page} settings={settings} />;
}
