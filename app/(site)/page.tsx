import type { Metadata } from 'next';
import { StoryCard } from '@/components/listing/story-card';
import { NewsletterForm } from '@/components/layout/newsletter-form';
import { getHomePage } from '@/lib/home';
import { getSiteSettings } from '@/lib/settings';
import { listNavSections } from '@/lib/taxonomy';
import { TimeStamp } from '@/components/common/time-stamp';
import { JsonLd } from '@/components/seo/json-ld';
import { getSeoSettings } from '@/lib/seo/data';
import { homeMetadata } from '@/lib/seo/metadata';
import { homeStructuredData } from '@/lib/seo/structured-data';

export async function generateMetadata(): Promise<Metadata> {
  return homeMetadata(await getSeoSettings());
}

export default async function HomePage() {
  const [settings, sections, seo] = await Promise.all([getSiteSettings(), listNavSections(), getSeoSettings()]);
  const home = await getHomePage(sections);
  const tz = settings.timeZone;
  return (
    <>
      <JsonLd data={homeStructuredData(seo)} />
      <h1 className="sr-only">{settings.name}: front page</h1>
      {home.lead === null ? (
        <p className="text-lg">No stories have been published yet.</p>
      ) : (
        <section aria-labelledby="top-stories" className="grid gap-8 border-b border-rule pb-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <h2 id="top-stories" className="sr-only">
            Top stories
          </h2>
          <StoryCard story={home.lead} timeZone={tz} variant="lead" level={3} eager />
          <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-1 lg:gap-0 lg:divide-y lg:divide-rule">
            {home.top.map((story, i) => (
              <li key={story.id} className="lg:py-4 lg:first:pt-0">
                <StoryCard story={story} timeZone={tz} variant={i === 0 ? 'top' : 'compact'} level={3} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
        <div className="space-y-10">
          {home.opinion.length ? (
            <section aria-labelledby="home-opinion" className="bg-surface p-5">
              <h2 id="home-opinion" className="block-title">
                Opinion
              </h2>
              <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
                {home.opinion.map((story) => (
                  <li key={story.id}>
                    <StoryCard story={story} timeZone={tz} variant="compact" level={3} showSection={false} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {home.sections.map((block) => (
            <section key={block.section.id} aria-labelledby={`home-section-${block.section.id}`}>
              <h2 id={`home-section-${block.section.id}`} className="block-title flex justify-between">
                <a href={block.section.path} className="story-link">
                  {block.section.name}
                </a>
                <a href={block.section.path} className="story-link font-semibold normal-case tracking-normal">
                  More<span className="sr-only"> from {block.section.name}</span> →
                </a>
              </h2>
              <ul className="grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
                {block.stories.map((story, i) => (
                  <li key={story.id}>
                    <StoryCard story={story} timeZone={tz} variant={i === 0 ? 'top' : 'compact'} level={3} showSection={false} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        <aside aria-label="Latest and most read" className="space-y-10">
          {home.latest.length ? (
            <section aria-labelledby="home-latest">
              <h2 id="home-latest" className="block-title">
                Latest
              </h2>
              <ol className="divide-y divide-rule">
                {home.latest.map((story) => (
                  <li key={story.id} className="py-3 first:pt-0">
                    <p className="text-xs text-muted">
                      <TimeStamp date={story.publishedAt} timeZone={tz} />
                    </p>
                    <a href={story.path} className="story-link font-serif font-semibold leading-snug">
                      {story.headline}
                    </a>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {home.mostRead.length ? (
            <section aria-labelledby="home-most-read">
              <h2 id="home-most-read" className="block-title">
                Most read
              </h2>
              <ol className="divide-y divide-rule">
                {home.mostRead.map((story, i) => (
                  <li key={story.id} className="flex gap-3 py-3 first:pt-0">
                    <span aria-hidden="true" className="font-serif text-2xl leading-none font-bold text-accent">
                      {i + 1}
                    </span>
                    <a href={story.path} className="story-link font-serif font-semibold leading-snug">
                      {story.headline}
                    </a>
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          <section aria-labelledby="home-newsletter" className="bg-surface p-4">
            <h2 id="home-newsletter" className="font-serif text-xl font-bold">
              Get the morning briefing
            </h2>
            <p className="mt-1 mb-3 text-sm text-muted">The day’s essential stories from {settings.name}, every morning. Free.</p>
            <NewsletterForm id="home-newsletter-email" />
          </section>
        </aside>
      </div>
    </>
  );
}
