import { dateFormat } from '@/lib/format';
import type { SearchResponse } from '@/lib/search';
import { Highlighted } from './highlighted';

function formatCount({ count, estimated }: SearchResponse['total']): string {
  const n = count.toLocaleString('en');
  if (estimated) return `About ${n} results`;
  return count === 1 ? '1 result' : `${n} results`;
}

/** The result count and list; the no-result state suggests what to change. */
export function SearchResults({ response, timeZone, query }: { response: SearchResponse; timeZone: string; query: string }) {
  const date = dateFormat('en-GB', { dateStyle: 'medium', timeZone });
  if (response.total.count === 0) {
    return (
      <section aria-labelledby="no-results" className="rounded border border-rule p-4">
        <h2 id="no-results" className="font-serif text-xl font-semibold">
          No results for “{query}”
        </h2>
        <ul className="mt-2 list-disc pl-5 text-muted">
          <li>Check the spelling, or try fewer or more general words.</li>
          <li>Every word must appear: remove a word or a minus sign.</li>
          {(response.filters.section || response.filters.author) && <li>Search all sections and authors.</li>}
        </ul>
      </section>
    );
  }
  return (
    <section aria-labelledby="result-count">
      <h2 id="result-count" className="text-sm text-muted" aria-live="polite">
        {formatCount(response.total)}
      </h2>
      {response.results.length === 0 ? (
        <p className="mt-4">There are no more results. Go back to the first page.</p>
      ) : (
        <ol className="mt-4 space-y-6">
          {response.results.map((result) => (
            <li key={result.id}>
              <article>
                <h3 className="font-serif text-xl font-semibold">
                  <a href={result.path} className="hover:underline">
                    <Highlighted segments={result.headline} />
                  </a>
                </h3>
                <p className="mt-1 text-sm text-muted">
                  {result.sectionName}
                  {' · '}
                  <time dateTime={result.publishedAt.toISOString()}>{date.format(result.publishedAt)}</time>
                  {result.authors.length > 0 && ` · ${result.authors.join(', ')}`}
                </p>
                <p className="mt-1 text-ink">
                  <Highlighted segments={result.snippet} />
                </p>
              </article>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
