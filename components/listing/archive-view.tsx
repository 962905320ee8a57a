import type { ReactNode } from 'react';
import type { ArticleCard, Paged } from '@/lib/articles';
import type { SiteSettings } from '@/lib/settings';
import { Sidebar } from '@/components/layout/sidebar';
import { Pagination } from './pagination';
import { StoryCard } from './story-card';
import { StoryList } from './story-list';

/**
 * A paginated archive (section, sub-section, tag, author, date): heading, optional lead story on
 * page 1, the list, numbered pagination and the sidebar.
 */
export function ArchiveView({
  kicker,
  title,
  intro,
  basePath,
  listing,
  settings,
  withLead = false,
  empty = 'No stories have been published here yet.',
  showSection = true,
  children,
}: {
  kicker?: ReactNode;
  title: string;
  intro?: ReactNode;
  basePath: string;
  listing: Paged<ArticleCard>;
  settings: SiteSettings;
  withLead?: boolean;
  empty?: string;
  showSection?: boolean;
  children?: ReactNode;
}) {
  const tz = settings.timeZone;
  const lead = withLead && listing.page === 1 ? listing.items[0] : undefined;
  const rest = lead ? listing.items.slice(1) : listing.items;
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div>
        <header className="mb-6 border-b border-rule pb-4">
          {kicker ? <div className="kicker mb-1">{kicker}</div> : null}
          <h1 className="font-serif text-4xl font-black">
            {title}
            {listing.page > 1 ? <span className="ml-2 font-sans text-base font-normal text-muted">Page {listing.page} of {listing.totalPages}</span> : null}
          </h1>
          {intro ? <div className="mt-2 text-lg text-muted">{intro}</div> : null}
        </header>
        {children}
        {listing.items.length === 0 ? (
          <p className="text-lg">{empty}</p>
        ) : (
          <>
            {lead ? (
              <div className="mb-8 border-b border-rule pb-8">
                <StoryCard story={lead} timeZone={tz} variant="lead" level={2} eager showSection={showSection} />
              </div>
            ) : null}
            <h2 className="sr-only">{lead ? 'More stories' : 'Stories'}</h2>
            <StoryList stories={rest} timeZone={tz} level={3} showSection={showSection} />
          </>
        )}
        <Pagination basePath={basePath} page={listing.page} totalPages={listing.totalPages} />
      </div>
      <Sidebar settings={settings} exclude={listing.items.map((s) => s.id)} />
    </div>
  );
}
