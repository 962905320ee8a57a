import { ArchiveView } from '@/components/listing/archive-view';
import { listArticlesBetween } from '@/lib/articles';
import { formatArchiveTitle, zonedMidnight, type LocalDate } from '@/lib/format';
import type { SiteSettings } from '@/lib/settings';
import { notFoundPage } from './not-found';

export function archivePath(date: LocalDate, withDay: boolean): string {
  const mm = String(date.month).padStart(2, '0');
  return withDay ? `/${date.year}/${mm}/${String(date.day).padStart(2, '0')}` : `/${date.year}/${mm}`;
}

/** A month or day archive, bounded by local midnights in the site's time zone. */
export async function DateArchive({ date, withDay, page, settings }: { date: LocalDate; withDay: boolean; page: number; settings: SiteSettings }) {
  const tz = settings.timeZone;
  const from = zonedMidnight(date.year, date.month, withDay ? date.day : 1, tz);
  const to = withDay ? zonedMidnight(date.year, date.month, date.day + 1, tz) : zonedMidnight(date.year, date.month + 1, 1, tz);
  const listing = await listArticlesBetween(from, to, page);
  if (page > listing.totalPages) return notFoundPage();
  const title = formatArchiveTitle(date, withDay, settings.language);
  return (
    <ArchiveView
      kicker="Archive"
      title={title}
      intro={`${listing.total.toLocaleString('en-GB')} ${listing.total === 1 ? 'story' : 'stories'} published ${withDay ? 'on' : 'in'} ${title}.`}
      basePath={archivePath(date, withDay)}
      listing={listing}
      settings={settings}
      empty={`Nothing was published ${withDay ? 'on' : 'in'} ${title}.`}
    />
  );
}
