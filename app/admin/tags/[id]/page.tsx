import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { MergeTagForm, TagForm } from '@/components/admin/tag-forms';
import { requireStaffPage } from '@/lib/auth/guards';
import { getTagForEditing } from '@/lib/taxonomy-editing';
import { deleteTagAction } from '../actions';
import { Notice, PageHeader } from '@/components/admin/page-header';
import { parseId } from '@/lib/validation/ids';

export const metadata = { title: 'Edit tag' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export default async function EditTagPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const tag = await getTagForEditing(actor, id);
  if (!tag) notFound();
  const notice = (await searchParams).merged ? 'Tags merged.' : (await searchParams).saved ? 'Tag saved.' : null;
  return (
    <div className="space-y-6">
      <PageHeader title={tag.name} back={{ href: '/admin/tags', label: 'Tags' }} />
      <Notice>{notice}</Notice>
      <p className="text-sm text-neutral-700">
        /tag/{tag.slug} · {tag.articles} article{tag.articles === 1 ? '' : 's'}
      </p>
      <TagForm tag={{ id: tag.id, name: tag.name, slug: tag.slug, description: tag.description ?? '' }} />
      <section aria-labelledby="merge" className="space-y-2">
        <h2 id="merge" className="text-lg font-semibold">
          Merge into another tag
        </h2>
        <MergeTagForm sourceId={tag.id} sourceName={tag.name} />
      </section>
      <section aria-labelledby="delete" className="space-y-2">
        <h2 id="delete" className="text-lg font-semibold">
          Delete
        </h2>
        <ConfirmAction action={deleteTagAction.bind(null, tag.id)} label="Delete tag" pendingLabel="Deleting…" confirm={`Delete ${tag.name}? Its page will answer “gone”.`} danger />
      </section>
    </div>
  );
}
