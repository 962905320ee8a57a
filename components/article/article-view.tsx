import type { ArticleCard, PublishedArticle } from '@/lib/articles';
import type { SiteSettings } from '@/lib/settings';
import { Picture } from '@/components/common/picture';
import { TimeStamp } from '@/components/common/time-stamp';
import { Sidebar } from '@/components/layout/sidebar';
import { StoryCard } from '@/components/listing/story-card';
import { viewPixelPath } from '@/lib/views';
import { ArticleBody } from './article-body';
import { ShareLinks } from './share-links';

function Breadcrumb({ article }: { article: PublishedArticle }) {
  const trail: { name: string; path: string }[] = [{ name: 'Home', path: '/' }, article.topSection];
  if (article.section.path !== article.topSection.path) trail.push(article.section);
  return (
    <nav aria-label="Breadcrumb" className="mb-3 font-sans text-sm no-print">
      <ol className="flex flex-wrap gap-1 text-muted">
        {trail.map((crumb, i) => (
          <li key={crumb.path}>
            {i > 0 ? <span aria-hidden="true">› </span> : null}
            <a href={crumb.path} className="hover:underline">
              {crumb.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function ArticleView({
  article,
  settings,
  url,
  related,
  next,
}: {
  article: PublishedArticle;
  settings: SiteSettings;
  /** Absolute URL of the article, for share links. */
  url: string;
  related: ArticleCard[];
  next: ArticleCard | null;
}) {
  const tz = settings.timeZone;
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_300px]">
      <div>
        <article aria-labelledby="article-headline" data-article-id={article.id}>
          <header className="mb-6">
            <Breadcrumb article={article} />
            <p className="kicker">
              <a href={article.section.path} className="hover:underline">
                {article.isOpinion ? `Opinion · ${article.section.name}` : article.section.name}
              </a>
            </p>
            <h1 id="article-headline" className="mt-2 font-serif text-3xl leading-tight font-black sm:text-5xl">
              {article.headline}
            </h1>
            {article.standfirst ? <p className="mt-3 font-serif text-xl leading-snug text-muted">{article.standfirst}</p> : null}
            <div className="mt-4 flex flex-wrap items-center gap-x-4 gap-y-1 border-y border-rule py-3 font-sans text-sm">
              {article.bylines.length ? (
                <p>
                  By{' '}
                  {article.bylines.map((b, i) => (
                    <span key={b.path}>
                      {i > 0 ? (i === article.bylines.length - 1 ? ' and ' : ', ') : null}
                      <a href={b.path} rel="author" className="font-semibold text-ink underline underline-offset-2">
                        {b.name}
                      </a>
                      {b.jobTitle && article.bylines.length === 1 ? <span className="text-muted">, {b.jobTitle}</span> : null}
                    </span>
                  ))}
                </p>
              ) : null}
              <p className="text-muted">
                Published <TimeStamp date={article.firstPublishedAt} timeZone={tz} />
              </p>
              {article.updatedAt ? (
                <p className="text-muted">
                  Updated <TimeStamp date={article.updatedAt} timeZone={tz} />
                </p>
              ) : null}
              <p className="text-muted">{article.readingMinutes} min read</p>
            </div>
          </header>

          {article.hero ? (
            <figure className="mb-8">
              <Picture image={article.hero} sizes="(min-width: 1024px) 800px, 100vw" eager className="aspect-[16/9] w-full object-cover" />
              {article.hero.caption || article.hero.credit ? (
                <figcaption className="mt-2 font-sans text-sm text-muted">
                  {article.hero.caption}
                  {article.hero.credit ? <span className="ml-1 text-xs tracking-wide uppercase">{article.hero.credit}</span> : null}
                </figcaption>
              ) : null}
            </figure>
          ) : null}

          <ArticleBody body={article.body} media={article.media} />

          {article.correction ? (
            <aside aria-label="Correction" className="mt-8 border-l-4 border-accent bg-surface p-4 font-sans text-sm">
              <p>
                <strong>Correction:</strong> {article.correction}
              </p>
            </aside>
          ) : null}

          <footer className="mt-8 space-y-5 border-t border-rule pt-5">
            {article.tags.length ? (
              <nav aria-label="Topics">
                <ul className="flex flex-wrap gap-2 font-sans text-sm">
                  <li className="self-center font-semibold">Topics:</li>
                  {article.tags.map((t) => (
                    <li key={t.id}>
                      <a href={t.path} rel="tag" className="inline-block bg-surface px-3 py-1.5 text-ink hover:underline">
                        {t.name}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            <ShareLinks url={url} title={article.headline} />
          </footer>
          {/* Readers without JavaScript are counted by a 1×1 image; enhance.js sends a beacon otherwise. */}
          <noscript>
            {/* eslint-disable-next-line @next/next/no-img-element -- a counting pixel, not a picture */}
            <img src={viewPixelPath(article.id)} alt="" width={1} height={1} />
          </noscript>
        </article>

        {next ? (
          <section aria-labelledby="continue-reading" className="mt-10 border-t-4 border-ink pt-4 no-print">
            <h2 id="continue-reading" className="block-title border-none pt-0">
              Continue reading
            </h2>
            <StoryCard story={next} timeZone={tz} level={3} />
          </section>
        ) : null}

        {related.length ? (
          <section aria-labelledby="related-stories" className="mt-10 no-print">
            <h2 id="related-stories" className="block-title">
              Related stories
            </h2>
            <ul className="grid gap-6 sm:grid-cols-2">
              {related.map((story) => (
                <li key={story.id}>
                  <StoryCard story={story} timeZone={tz} variant="top" level={3} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <Sidebar settings={settings} exclude={[article.id, ...related.map((r) => r.id), ...(next ? [next.id] : [])]} />
    </div>
  );
}
