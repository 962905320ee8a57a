import { PageForm } from '@/components/admin/page-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { listPages } from '@/lib/pages-editing';
import { LinkList, LinkListItem } from '@/components/admin/data-table';
import { Notice } from '@/components/admin/page-header';

export const metadata = { title: 'Pages' };

type Props = { searchParams: Promise<{ trashed?: string }> };

export default async function PagesPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const pages = await listPages(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Static pages</h1>
      <Notice>{(await searchParams).trashed ? 'The page is in the trash. It can be restored for 30 days.' : null}</Notice>
      {pages.length ? (
        <LinkList>
          {pages.map((p) => (
            <LinkListItem key={p.id} href={`/admin/pages/${p.id}`} title={p.title}>
              <span className="text-sm text-neutral-700">/{p.slug}</span>
              {p.published ? null : <span className="text-sm font-semibold text-neutral-800">Not published</span>}
            </LinkListItem>
          ))}
        </LinkList>
      ) : (
        <p>No static pages yet.</p>
      )}
      <section aria-labelledby="new-page" className="space-y-3">
        <h2 id="new-page" className="text-xl font-semibold">
          New page
        </h2>
        <PageForm page={{ id: null, title: '', slug: '', text: '', bodyJson: '', published: true, showInFooter: true }} />
      </section>
    </div>
  );
}
