import Link from 'next/link';
import { Pagination } from '@/components/admin/pagination';
import { TagForm } from '@/components/admin/tag-forms';
import { requireStaffPage } from '@/lib/auth/guards';
import { listTags } from '@/lib/taxonomy-editing';
import { listQuerySchema } from '@/lib/validation/library';
import { DataRow, DataTable } from '@/components/admin/data-table';
import { ListSearch } from '@/components/admin/list-search';
import { Notice } from '@/components/admin/page-header';

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
      <Notice>{notice}</Notice>
      <ListSearch action="/admin/tags" label="Find a tag" q={query.q} />
      <p className="text-sm text-neutral-700">
        {total} tag{total === 1 ? '' : 's'}
      </p>
      {items.length ? (
        <DataTable columns={[{ label: 'Name' }, { label: 'Address' }, { label: 'Articles', className: 'text-right' }]}>
          {items.map((tag) => (
            <DataRow key={tag.id}>
              <td className="p-2">
                <Link href={`/admin/tags/${tag.id}`} className="underline">
                  {tag.name}
                </Link>
              </td>
              <td className="p-2">/tag/{tag.slug}</td>
              <td className="p-2 text-right">{tag.articles}</td>
            </DataRow>
          ))}
        </DataTable>
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
