import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { SectionForm } from '@/components/admin/section-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { listSectionTree } from '@/lib/taxonomy-editing';
import { deleteSectionAction } from '../actions';
import { PageHeader } from '@/components/admin/page-header';
import { parseId } from '@/lib/validation/ids';

export const metadata = { title: 'Edit section' };

type Props = { params: Promise<{ id: string }> };

export default async function EditSectionPage({ params }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const tree = await listSectionTree(actor);
  const node = tree.flatMap((t) => [t, ...t.children]).find((s) => s.id === id);
  if (!node) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title={node.name} back={{ href: '/admin/sections', label: 'Sections' }} />
      <SectionForm
        section={{ id: node.id, name: node.name, slug: node.slug, description: node.description ?? '', parentId: node.parentId, showInNav: node.showInNav }}
        parents={tree.filter((t) => t.id !== id).map((t) => ({ id: t.id, name: t.name }))}
      />
      <section aria-labelledby="delete" className="space-y-2">
        <h2 id="delete" className="text-lg font-semibold">
          Delete
        </h2>
        <p className="text-sm text-neutral-700">Only a section without sub-sections or articles can be deleted; its address then answers “gone”.</p>
        <ConfirmAction action={deleteSectionAction.bind(null, id)} label="Delete section" pendingLabel="Deleting…" confirm={`Delete ${node.name}?`} danger />
      </section>
    </div>
  );
}
