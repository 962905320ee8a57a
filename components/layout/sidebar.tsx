import { listLatestArticles, listMostRead, type ArticleCard } from '@/lib/articles';
import type { SiteSettings } from '@/lib/settings';
import { TimeStamp } from '@/components/common/time-stamp';
import { NewsletterForm } from './newsletter-form';
import { SocialLinks } from './social-links';

function Headlines({ stories, timeZone, numbered }: { stories: ArticleCard[]; timeZone: string; numbered?: boolean }) {
  const List = numbered ? 'ol' : 'ul';
  return (
    <List className="divide-y divide-rule">
      {stories.map((story, i) => (
        <li key={story.id} className="flex gap-3 py-3 first:pt-0">
          {numbered ? (
            <span aria-hidden="true" className="font-serif text-2xl leading-none font-bold text-accent">
              {i + 1}
            </span>
          ) : null}
          <div>
            <a href={story.path} className="story-link font-serif font-semibold leading-snug">
              {story.headline}
            </a>
            <p className="mt-1 text-xs text-muted">
              <TimeStamp date={story.publishedAt} timeZone={timeZone} />
            </p>
          </div>
        </li>
      ))}
    </List>
  );
}

/** The sidebar of article and archive pages. `exclude` keeps the story being read out of its lists. */
export async function Sidebar({ settings, exclude = [] }: { settings: SiteSettings; exclude?: number[] }) {
  const [recent, mostRead] = await Promise.all([
    listLatestArticles({ limit: 5, exclude }),
    listMostRead({ limit: 5, exclude }),
  ]);
  const tz = settings.timeZone;
  return (
    <aside aria-label="More from the paper" className="space-y-10">
      <section aria-labelledby="sidebar-recent">
        <h2 id="sidebar-recent" className="block-title">
          Recent news
        </h2>
        <Headlines stories={recent} timeZone={tz} />
      </section>
      {mostRead.length ? (
        <section aria-labelledby="sidebar-most-read">
          <h2 id="sidebar-most-read" className="block-title">
            Most read
          </h2>
          <Headlines stories={mostRead} timeZone={tz} numbered />
        </section>
      ) : null}
      <section aria-labelledby="sidebar-newsletter" className="bg-surface p-4">
        <h2 id="sidebar-newsletter" className="font-serif text-xl font-bold">
          Get the morning briefing
        </h2>
        <p className="mt-1 mb-3 text-sm text-muted">The day’s essential stories from {settings.name}, every morning. Free.</p>
        <NewsletterForm id="sidebar-newsletter-email" />
      </section>
      {settings.appPromo ? (
        <section aria-labelledby="sidebar-app" className="border border-rule p-4">
          <h2 id="sidebar-app" className="font-serif text-lg font-bold">
            {settings.appPromo.title}
          </h2>
          <p className="mt-1 text-sm text-muted">{settings.appPromo.text}</p>
          <p className="mt-3">
            <a href={settings.appPromo.url} className="text-link font-sans text-sm font-semibold">
              Get the app<span className="sr-only">: {settings.appPromo.title}</span>
            </a>
          </p>
        </section>
      ) : null}
      {settings.sponsoredLinks.length ? (
        <section aria-labelledby="sidebar-sponsored">
          <h2 id="sidebar-sponsored" className="block-title">
            Sponsored
          </h2>
          <ul className="space-y-2 text-sm">
            {settings.sponsoredLinks.map((link) => (
              <li key={link.url}>
                <a href={link.url} rel="sponsored noopener" className="text-link">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {settings.socialLinks.length ? (
        <section aria-labelledby="sidebar-connect">
          <h2 id="sidebar-connect" className="block-title">
            Connect with us
          </h2>
          <SocialLinks links={settings.socialLinks} owner={settings.name} />
        </section>
      ) : null}
    </aside>
  );
}
