import { StoryList } from '@/components/listing/story-list';
import { listLatestArticles } from '@/lib/articles';
import { getSiteSettings } from '@/lib/settings';

/** The reader 404 page: a way on — search and the latest stories. */
export async function NotFoundView() {
  const [settings, latest] = await Promise.all([getSiteSettings(), listLatestArticles({ limit: 6 })]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-4xl font-black">Page not found</h1>
      <p className="mt-3 text-lg">The page you asked for does not exist or has moved. Try searching for it, or start from one of the latest stories.</p>
      <form role="search" action="/search" method="get" className="mt-6 flex max-w-lg">
        <label htmlFor="not-found-search" className="sr-only">
          Search the site
        </label>
        <input id="not-found-search" name="q" type="search" placeholder="Search stories" className="w-full min-w-0 border border-rule bg-paper px-3 py-2 text-ink" />
        <button type="submit" className="bg-ink px-4 py-2 font-semibold text-paper">
          Search
        </button>
      </form>
      <p className="mt-4">
        <a href="/" className="text-link">
          Go to the front page
        </a>
      </p>
      {latest.length ? (
        <section aria-labelledby="not-found-latest" className="mt-10">
          <h2 id="not-found-latest" className="block-title">
            Latest stories
          </h2>
          <StoryList stories={latest} timeZone={settings.timeZone} level={3} />
        </section>
      ) : null}
    </div>
  );
}
