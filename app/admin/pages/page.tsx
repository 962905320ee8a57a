import Link from 'next/link';
import { PageForm } from '@/components/admin/page-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { listPages } from '@/lib/pages-editing';

export const metadata = { title: 'Pages' };

type Props = { searchParams: Promise<{ trashed?: string }> };

export default async function PagesPage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const pages = await listPages(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Static pages</h1>
      {(await searchParams).trashed ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          The page is in the trash. It can be restored for 30 days.
        </p>
      ) : null}
      {pages.length ? (
        <ul className="divide-y divide-neutral-200 rounded border border-neutral-300 bg-white">
          {pages.map((p) => (
            <li key={p.id} className="flex flex-wrap gap-3 px-3 py-2">
              <Link href={`/admin/pages/${p.id}`} className="font-medium underline">
                {p.title}
              </Link>
              <span className="text-sm text-neutral-700">/{p.slug}</span>
              {p.published ? null : <span className="text-sm font-semibold text-neutral-800">Not published</span>}
            </li>
          ))}
        </ul>
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
