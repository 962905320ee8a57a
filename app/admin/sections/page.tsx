import Link from 'next/link';
import { SectionForm } from '@/components/admin/section-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { listSectionTree, type SectionNode } from '@/lib/taxonomy-editing';
import { moveSectionAction } from './actions';
import { Notice } from '@/components/admin/page-header';

export const metadata = { title: 'Sections' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

function Row({ node, first, last }: { node: SectionNode; first: boolean; last: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2 py-1">
      <Link href={`/admin/sections/${node.id}`} className="font-medium underline">
        {node.name}
      </Link>
      <span className="text-sm text-neutral-700">{node.path}</span>
      {node.showInNav ? null : <span className="text-xs text-neutral-700">(hidden from navigation)</span>}
      <form action={moveSectionAction.bind(null, node.id, 'up')}>
        <button type="submit" disabled={first} aria-label={`Move ${node.name} up`} className="rounded border border-neutral-700 px-2 text-xs disabled:opacity-40">
          ↑
        </button>
      </form>
      <form action={moveSectionAction.bind(null, node.id, 'down')}>
        <button type="submit" disabled={last} aria-label={`Move ${node.name} down`} className="rounded border border-neutral-700 px-2 text-xs disabled:opacity-40">
          ↓
        </button>
      </form>
    </div>
  );
}

export default async function SectionsPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const params = await searchParams;
  const tree = await listSectionTree(actor);
  const notice = params.created ? 'Section created.' : params.saved ? 'Section saved.' : params.deleted ? 'Section deleted.' : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Sections</h1>
      <Notice>{notice}</Notice>
      {tree.length ? (
        <ol className="space-y-2 rounded border border-neutral-300 bg-white p-4">
          {tree.map((node, i) => (
            <li key={node.id}>
              <Row node={node} first={i === 0} last={i === tree.length - 1} />
              {node.children.length ? (
                <ol className="ml-6 border-l border-neutral-300 pl-3">
                  {node.children.map((child, j) => (
                    <li key={child.id}>
                      <Row node={child} first={j === 0} last={j === node.children.length - 1} />
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>No sections yet. Create the first one below.</p>
      )}
      <section aria-labelledby="new-section" className="space-y-3">
        <h2 id="new-section" className="text-xl font-semibold">
          New section
        </h2>
        <SectionForm section={{ id: null, name: '', slug: '', description: '', parentId: null, showInNav: true }} parents={tree.map((t) => ({ id: t.id, name: t.name }))} />
      </section>
    </div>
  );
}
