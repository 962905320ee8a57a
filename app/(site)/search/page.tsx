import type { Metadata } from 'next';
import { Pagination } from '@/components/search/pagination';
import { SearchForm } from '@/components/search/search-form';
import { SearchResults } from '@/components/search/search-results';
import { listSearchFilterOptions, searchArticles } from '@/lib/search';
import { searchMetadata } from '@/lib/seo/metadata';
import { getSiteSettings } from '@/lib/settings';
import { parseSearchParams, type SearchParams } from '@/lib/validation/search';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchParams(await searchParams);
  const trimmed = q.trim().slice(0, 80);
  // Result pages are endless combinations of the same articles: keep them out of search engines.
  return searchMetadata(trimmed);
}

function pageHref(params: SearchParams, page: number): string {
  const query = new URLSearchParams();
  query.set('q', params.q);
  for (const name of ['section', 'author', 'from', 'to'] as const) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  if (params.sort !== 'relevance') query.set('sort', params.sort);
  if (page > 1) query.set('page', String(page));
  return `/search?${query}`;
}

export default async function SearchPage({ searchParams }: Props) {
  const params = parseSearchParams(await searchParams);
  const [response, options, settings] = await Promise.all([searchArticles(params), listSearchFilterOptions(), getSiteSettings()]);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Search</h1>
      <SearchForm params={params} options={options} />
      <div className="mt-8">
        {response.searched ? (
          <>
            <SearchResults response={response} timeZone={settings.timeZone} query={params.q.trim()} />
            <Pagination current={params.page} count={response.pageCount} href={(page) => pageHref(params, page)} />
          </>
        ) : (
          <p className="text-muted">
            {params.q.trim()
              ? 'Type a word to search for: a search needs at least one word that is not excluded.'
              : 'Search every story we have published by word, phrase, section, author or date.'}
          </p>
        )}
      </div>
    </>
  );
}
