import Link from 'next/link';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { Pagination } from '@/components/admin/pagination';
import { requireStaffPage } from '@/lib/auth/guards';
import { getSiteSettings } from '@/lib/settings';
import { TRASH_DAYS, TRASH_KINDS, listTrash, type TrashKind } from '@/lib/trash';
import { purgeAction, restoreAction } from './actions';
import { DataRow, DataTable } from '@/components/admin/data-table';
import { EmptyState, Notice } from '@/components/admin/page-header';

export const metadata = { title: 'Trash' };

const LABELS: Record<TrashKind, string> = { article: 'Article', page: 'Page', media: 'Image' };

type Props = { searchParams: Promise<{ kind?: string; page?: string; restored?: string }> };

export default async function TrashPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const params = await searchParams;
  const kind = TRASH_KINDS.find((k) => k === params.kind);
  const restored = TRASH_KINDS.find((k) => k === params.restored);
  const pageNumber = Math.max(1, Math.min(1000, Number.parseInt(params.page ?? '1', 10) || 1));
  const [{ items, total, page, pages }, settings] = await Promise.all([listTrash(actor, { kind, page: pageNumber }), getSiteSettings()]);
  const day = (d: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: settings.timeZone }).format(d);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Trash</h1>
      <p className="text-neutral-700">Items here are deleted for good {TRASH_DAYS} days after they were trashed.</p>
      <Notice>{restored ? `${LABELS[restored]} restored.` : null}</Notice>
      <nav aria-label="Filter the trash" className="flex gap-3 text-sm">
        <Link href="/admin/trash" aria-current={!kind ? 'page' : undefined} className="underline aria-[current=page]:font-bold">
          Everything
        </Link>
        {TRASH_KINDS.map((k) => (
          <Link key={k} href={`/admin/trash?kind=${k}`} aria-current={kind === k ? 'page' : undefined} className="underline aria-[current=page]:font-bold">
            {LABELS[k]}s
          </Link>
        ))}
      </nav>
      {items.length ? (
        <DataTable columns={[{ label: 'What' }, { label: 'Title' }, { label: 'Trashed' }, { label: 'Deleted for good' }, { label: 'Actions', hidden: true }]}>
          {items.map((item) => (
            <DataRow key={`${item.kind}-${item.id}`}>
              <td className="p-2">{LABELS[item.kind]}</td>
              <td className="p-2">{item.title}</td>
              <td className="p-2">{day(item.deletedAt)}</td>
              <td className="p-2">{day(item.purgeAt)}</td>
              <td className="space-y-2 p-2">
                <ConfirmAction action={restoreAction.bind(null, item.kind, item.id)} label={`Restore ${item.title}`} pendingLabel="Restoring…" />
                {actor.role === 'admin' ? (
                  <ConfirmAction action={purgeAction.bind(null, item.kind, item.id)} label={`Delete ${item.title} now`} pendingLabel="Deleting…" confirm={`Delete ${item.title} for good? This cannot be undone.`} danger />
                ) : null}
              </td>
            </DataRow>
          ))}
        </DataTable>
      ) : (
        <EmptyState>The trash is empty.</EmptyState>
      )}
      <p className="text-sm text-neutral-700">{total} in the trash</p>
      <Pagination basePath="/admin/trash" params={{ kind }} page={page} pages={pages} />
    </div>
  );
}
