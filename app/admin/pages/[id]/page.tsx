import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { PageForm } from '@/components/admin/page-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { bodyToText } from '@/lib/validation/body-text';
import { getPageForEditing } from '@/lib/pages-editing';
import { trashPageAction } from '../actions';
import { Notice, PageHeader } from '@/components/admin/page-header';
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
      <PageHeader title={page.title} back={{ href: '/admin/pages', label: 'Pages' }} />
      {(await searchParams).saved ? (
        <Notice>
          Page saved.{' '}
          <a href={`/${page.slug}`} className="underline">
            View it
          </a>
        </Notice>
      ) : null}
      <PageForm page={{ id: page.id, title: page.title, slug: page.slug, text: bodyToText(page.body), bodyJson: JSON.stringify(page.body), published: page.published, showInFooter: page.showInFooter }} />
      <ConfirmAction action={trashPageAction.bind(null, page.id)} label="Move to trash" pendingLabel="Moving…" confirm={`Move ${page.title} to the trash?`} danger />
    </div>
  );
}
