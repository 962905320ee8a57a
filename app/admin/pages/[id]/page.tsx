import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { PageForm } from '@/components/admin/page-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { bodyToText } from '@/lib/page-text';
import { getPageForEditing } from '@/lib/pages-editing';
import { trashPageAction } from '../actions';
import { parseId } from '@/lib/validation/ids';

export const metadata = { title: 'Edit page' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditPagePage({ params, searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const id = parseId((await params).id);
  if (id === null) notFound();
  const page = await getPageForEditing(actor, id);
  if (!page) notFound();
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/pages" className="underline">
          ← Pages
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{page.title}</h1>
      {(await searchParams).saved ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          Page saved.{' '}
          <a href={`/${page.slug}`} className="underline">
            View it
          </a>
        </p>
      ) : null}
      <PageForm page={{ id: page.id, title: page.title, slug: page.slug, text: bodyToText(page.body), published: page.published, showInFooter: page.showInFooter }} />
      <ConfirmAction action={trashPageAction.bind(null, page.id)} label="Move to trash" pendingLabel="Moving…" confirm={`Move ${page.title} to the trash?`} danger />
    </div>
  );
}
