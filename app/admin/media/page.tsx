import Image from 'next/image';
import Link from 'next/link';
import { MediaUploader } from '@/components/admin/media-uploader';
import { Pagination } from '@/components/admin/pagination';
import { requireStaffPage } from '@/lib/auth/guards';
import { listMedia } from '@/lib/media';
import { MEDIA_FORMATS, MIME_TYPES, mediaListSchema } from '@/lib/validation/media';
import { EmptyState, Notice } from '@/components/admin/page-header';

export const metadata = { title: 'Media' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const actor = await requireStaffPage();
  const params = await searchParams;
  const filters = mediaListSchema.parse(params);
  const { items, page, pages, total } = await listMedia(actor, filters);
  const accept = MEDIA_FORMATS.map((f) => MIME_TYPES[f]).join(',');
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Media</h1>
      <Notice>{params.trashed ? 'The image is in the trash. It can be restored for 30 days.' : null}</Notice>
      <MediaUploader accept={accept} />
      <form role="search" className="flex flex-wrap items-end gap-3" action="/admin/media">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search name, alt text, caption or credit
          </label>
          <input id="q" name="q" defaultValue={filters.q} className="rounded border border-neutral-400 px-3 py-2" />
        </div>
        <div>
          <label htmlFor="format" className="block text-sm font-medium">
            Type
          </label>
          <select id="format" name="format" defaultValue={filters.format ?? ''} className="rounded border border-neutral-400 px-3 py-2">
            <option value="">Any</option>
            {MEDIA_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="missingAlt" value="1" defaultChecked={filters.missingAlt} /> Missing alt text
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} /> My uploads
        </label>
        <button type="submit" className="rounded border border-neutral-800 px-3 py-2 font-semibold">
          Filter
        </button>
      </form>
      <p className="text-sm text-neutral-700">
        {total} image{total === 1 ? '' : 's'}
      </p>
      {items.length ? (
        <ul className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {items.map((item) => (
            <li key={item.id} className="overflow-hidden rounded border border-neutral-300 bg-white">
              <Link href={`/admin/media/${item.id}`} className="block focus:outline-4 focus:outline-blue-700">
                <Image src={item.wideSrc} alt={item.alt || ''} width={480} height={270} sizes="(min-width: 1024px) 20vw, 45vw" className="aspect-video w-full object-cover" />
                <span className="block truncate px-2 pt-2 text-sm font-medium">{item.originalName}</span>
                <span className={`block px-2 pb-2 text-xs ${item.alt ? 'text-neutral-700' : 'font-semibold text-red-800'}`}>{item.alt ? `${item.width} × ${item.height}` : 'Needs alt text'}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState>{filters.q || filters.format || filters.missingAlt || filters.mine ? 'No images match these filters.' : 'The library is empty. Upload the first images above.'}</EmptyState>
      )}
      <Pagination basePath="/admin/media" params={{ q: filters.q, format: filters.format, missingAlt: filters.missingAlt ? '1' : undefined, mine: filters.mine ? '1' : undefined }} page={page} pages={pages} />
    </div>
  );
}
