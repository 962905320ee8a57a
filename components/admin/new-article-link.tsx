import Link from 'next/link';

export function NewArticleLink() {
  return (
    <Link href="/admin/articles/new" className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700">
      New article
    </Link>
  );
}
