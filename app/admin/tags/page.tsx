import Link from 'next/link';
import { Pagination } from '@/components/admin/pagination';
import { TagForm } from '@/components/admin/tag-forms';
import { requireStaffPage } from '@/lib/auth/guards';
import { listTags } from '@/lib/taxonomy-editing';
import { listQuerySchema } from '@/lib/validation/library';

export const metadata = { title: 'Tags' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function TagsPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const params = await searchParams;
  const query = listQuerySchema.parse(params);
  const { items, page, pages, total } = await listTags(actor, query);
  const notice = params.created ? 'Tag created.' : params.deleted ? 'Tag deleted; its page now answers “gone”.' : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Tags</h1>
      {notice ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {notice}
        </p>
      ) : null}
      <form role="search" action="/admin/tags" className="flex items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Find a tag
          </label>
          <input id="q" name="q" defaultValue={query.q} className="rounded border border-neutral-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-neutral-800 px-3 py-2 font-semibold">
          Search
        </button>
      </form>
      <p className="text-sm text-neutral-700">
        {total} tag{total === 1 ? '' : 's'}
      </p>
      {items.length ? (
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-neutral-400">
              <th className="p-2">Name</th>
              <th className="p-2">Address</th>
              <th className="p-2 text-right">Articles</th>
            </tr>
          </thead>
          <tbody>
            {items.map((tag) => (
              <tr key={tag.id} className="border-b border-neutral-200">
                <td className="p-2">
                  <Link href={`/admin/tags/${tag.id}`} className="underline">
                    {tag.name}
                  </Link>
                </td>
                <td className="p-2">/tag/{tag.slug}</td>
                <td className="p-2 text-right">{tag.articles}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{query.q ? 'No tag matches.' : 'No tags yet.'}</p>
      )}
      <Pagination basePath="/admin/tags" params={{ q: query.q }} page={page} pages={pages} />
      <section aria-labelledby="new-tag" className="space-y-3">
        <h2 id="new-tag" className="text-xl font-semibold">
          New tag
        </h2>
        <TagForm tag={{ id: null, name: '', slug: '', description: '' }} />
      </section>
    </div>
  );
}
