import Link from 'next/link';
import { articleListQuerySchema, listArticlesForStaff, listPeopleOptions, listSectionOptions, STATE_FILTERS, type ArticleListQuery } from '@/lib/article-list';
import { requireStaffPage } from '@/lib/auth/guards';
import { getSiteSettings } from '@/lib/settings';
import { StatusBadges } from '@/components/admin/status-badge';
import { SectionOptions } from '@/components/admin/section-options';
import { BulkForm } from './bulk-form';
import { DataRow, DataTable } from '@/components/admin/data-table';
import { NewArticleLink } from '@/components/admin/new-article-link';
import { EmptyState, Notice, PageHeader } from '@/components/admin/page-header';

export const metadata = { title: 'Articles' };

const STATE_LABELS: Record<(typeof STATE_FILTERS)[number], string> = {
  all: 'All current',
  draft: 'Drafts',
  in_review: 'In review',
  approved: 'Approved',
  staged: 'With staged edits',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  archived: 'Archived',
  trash: 'Trash',
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queryString(query: ArticleListQuery, changes: Partial<ArticleListQuery>): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === '' || (key === 'state' && value === 'all') || (key === 'sort' && value === 'updated')) continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export default async function ArticlesPage({ searchParams }: Props) {
  const actor = await requireStaffPage();
  const raw = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = articleListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, first(v) || undefined])));
  const [page, sections, people, settings] = await Promise.all([listArticlesForStaff(actor, query), listSectionOptions(actor), listPeopleOptions(actor), getSiteSettings()]);
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone });
  const canBulk = actor.role !== 'author';
  const done = first(raw.done);
  const filtered = query.state !== 'all' || query.section || query.author || query.q;

  return (
    <div className="space-y-4">
      <PageHeader title="Articles" actions={<NewArticleLink />} />
      <Notice>{done ? `Article ${done}.` : null}</Notice>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-neutral-300 bg-white p-3" role="search" aria-label="Filter articles">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Headline or id
          </label>
          <input id="q" name="q" type="search" defaultValue={query.q} className="rounded border border-neutral-400 px-2 py-1.5" />
        </div>
        <div>
          <label htmlFor="state" className="block text-sm font-medium">
            Status
          </label>
          <select id="state" name="state" defaultValue={query.state} className="rounded border border-neutral-400 bg-white px-2 py-1.5">
            {STATE_FILTERS.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="section" className="block text-sm font-medium">
            Section
          </label>
          <select id="section" name="section" defaultValue={query.section ?? ''} className="rounded border border-neutral-400 bg-white px-2 py-1.5">
            <option value="">Any section</option>
            <SectionOptions sections={sections} />
          </select>
        </div>
        <div>
          <label htmlFor="author" className="block text-sm font-medium">
            Byline
          </label>
          <select id="author" name="author" defaultValue={query.author ?? ''} className="rounded border border-neutral-400 bg-white px-2 py-1.5">
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-medium">
            Sort by
          </label>
          <select id="sort" name="sort" defaultValue={query.sort} className="rounded border border-neutral-400 bg-white px-2 py-1.5">
            <option value="updated">Last changed</option>
            <option value="published">Publication date</option>
          </select>
        </div>
        <button type="submit" className="rounded border border-neutral-900 px-3 py-1.5 font-semibold hover:bg-neutral-200">
          Filter
        </button>
        {filtered ? (
          <Link href="/admin/articles" className="py-1.5 underline">
            Clear filters
          </Link>
        ) : null}
      </form>

      {page.rows.length === 0 ? (
        <EmptyState>{filtered || query.after ? 'No articles match these filters.' : 'No articles yet. Write the first one.'}</EmptyState>
      ) : (
        <BulkForm canBulk={canBulk}>
          <DataTable
            caption={`Articles, ${query.sort === 'published' ? 'newest publication first' : 'most recently changed first'}`}
            columns={[
              ...(canBulk ? [{ label: 'Select', hidden: true, className: 'w-8' }] : []),
              { label: 'Headline' },
              { label: 'Status' },
              { label: 'Section' },
              { label: 'Byline' },
              { label: query.sort === 'published' ? 'Published' : 'Changed' },
            ]}
          >
            {page.rows.map((row) => (
              <DataRow key={row.id}>
                {canBulk ? (
                  <td className="p-2">
                    <input type="checkbox" name="ids" value={row.id} aria-label={`Select “${row.headline}”`} />
                  </td>
                ) : null}
                <td className="p-2">
                  <Link href={`/admin/articles/${row.id}`} className="font-medium underline-offset-2 hover:underline">
                    {row.headline}
                  </Link>
                  {row.scheduledAt ? <p className="text-xs text-neutral-700">Goes live {format.format(row.scheduledAt)}</p> : null}
                </td>
                <td className="p-2">
                  <StatusBadges {...row} />
                </td>
                <td className="p-2">{row.sectionName}</td>
                <td className="p-2">{row.bylines.join(', ')}</td>
                <td className="p-2 whitespace-nowrap">{format.format(query.sort === 'published' && row.publishedAt ? row.publishedAt : row.updatedAt)}</td>
              </DataRow>
            ))}
          </DataTable>
        </BulkForm>
      )}

      <nav aria-label="Pages of articles" className="flex gap-4">
        {query.after ? (
          <Link href={`/admin/articles${queryString(query, { after: undefined })}`} className="underline">
            First page
          </Link>
        ) : null}
        {page.next ? (
          <Link href={`/admin/articles${queryString(query, { after: page.next })}`} className="underline" rel="next">
            Next page
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
