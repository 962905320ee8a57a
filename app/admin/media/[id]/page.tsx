import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { MediaDetailsForm } from '@/components/admin/media-details-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { getMedia, getMediaUsage } from '@/lib/media';
import { trashMediaAction } from '../actions';
import { PageHeader } from '@/components/admin/page-header';
import { parseId } from '@/lib/validation/ids';

export const metadata = { title: 'Image details' };

type Props = { params: Promise<{ id: string }> };

export default async function MediaDetailsPage({ params }: Props) {
  const actor = await requireStaffPage();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const media = await getMedia(actor, id);
  if (!media || media.deletedAt) notFound();
  const usage = await getMediaUsage(actor, id);
  const inUse = usage.articles.length > 0 || usage.people.length > 0 || usage.siteLogo;
  const canManage = actor.role !== 'author' || media.uploadedById === actor.userId;
  // The 1200-wide variant is plenty for the picker and keeps the page light.
  const previewSrc = media.url.replace(/\.[a-z0-9]+$/i, '-1200.webp');
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader title={media.originalName} back={{ href: '/admin/media', label: 'Media' }} />
      <p className="text-sm text-neutral-700">
        {media.width} × {media.height} · {media.mimeType} · {(media.bytes / 1024).toFixed(0)} kB ·{' '}
        <a href={media.url} className="underline">
          Original
        </a>{' '}
        ·{' '}
        <a href={media.ogUrl} className="underline">
          Sharing image
        </a>
      </p>
      {canManage ? (
        <MediaDetailsForm media={media} previewSrc={previewSrc} />
      ) : (
        <p className="rounded border border-neutral-300 bg-white p-3">Only an editor or the person who uploaded this image can change it.</p>
      )}
      <section aria-labelledby="usage" className="space-y-2">
        <h2 id="usage" className="text-lg font-semibold">
          Where it is used
        </h2>
        {inUse ? (
          <ul className="list-disc pl-6">
            {usage.articles.map((a) => (
              <li key={`a${a.id}`}>
                <Link href={`/admin/articles/${a.id}`} className="underline">
                  {a.headline}
                </Link>
                {a.trashed ? ' (in the trash)' : ''}
              </li>
            ))}
            {usage.people.map((p) => (
              <li key={`p${p.id}`}>Profile photo of {p.name}</li>
            ))}
            {usage.siteLogo ? <li>The site logo</li> : null}
          </ul>
        ) : (
          <p>Not used anywhere yet.</p>
        )}
      </section>
      {canManage ? (
        inUse ? (
          <p className="text-sm text-neutral-700">An image in use cannot be moved to the trash.</p>
        ) : (
          <ConfirmAction action={trashMediaAction.bind(null, media.id)} label="Move to trash" pendingLabel="Moving…" confirm="Move this image to the trash?" danger />
        )
      ) : null}
    </div>
  );
}
