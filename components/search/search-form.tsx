import type { SearchFilterOptions } from '@/lib/search';
import type { SearchParams } from '@/lib/validation/search';

const field = 'mt-1 block w-full rounded border border-rule bg-paper px-2 py-1.5 text-ink';

/** The full search form: a plain GET form, so it works without JavaScript and results have URLs. */
export function SearchForm({ params, options }: { params: SearchParams; options: SearchFilterOptions }) {
  return (
    <form action="/search" method="get" role="search" aria-label="Search articles" className="space-y-3">
      <div className="flex gap-2">
        <label htmlFor="search-q" className="sr-only">
          Search articles
        </label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={400}
          aria-describedby="search-help"
          className="min-w-0 flex-1 rounded border border-rule px-3 py-2 text-lg"
        />
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-paper hover:opacity-90">
          Search
        </button>
      </div>
      <p id="search-help" className="text-sm text-muted">
        All words must match. Use &quot;quotes&quot; for an exact phrase and a minus sign to leave a word out: <code>mekong -flood</code>.
      </p>
      <details open={Boolean(params.section || params.author || params.from || params.to || params.sort !== 'relevance')}>
        <summary className="cursor-pointer text-sm font-semibold">Filters and sorting</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <label className="text-sm">
            Section
            <select name="section" defaultValue={params.section ?? ''} className={field}>
              <option value="">All sections</option>
              {options.sections.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.depth === 1 ? `\u00a0\u00a0${s.name}` : s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Author
            <select name="author" defaultValue={params.author ?? ''} className={field}>
              <option value="">All authors</option>
              {options.authors.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Published from
            <input type="date" name="from" defaultValue={params.from ?? ''} className={field} />
          </label>
          <label className="text-sm">
            Published until
            <input type="date" name="to" defaultValue={params.to ?? ''} className={field} />
          </label>
          <label className="text-sm">
            Sort by
            <select name="sort" defaultValue={params.sort} className={field}>
              <option value="relevance">Relevance</option>
              <option value="newest">Newest first</option>
            </select>
          </label>
        </div>
      </details>
    </form>
  );
}
