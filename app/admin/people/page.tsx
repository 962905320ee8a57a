import Link from 'next/link';
import { Pagination } from '@/components/admin/pagination';
import { PersonForm } from '@/components/admin/person-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { listLinkableUsers, listPeople } from '@/lib/people-editing';
import { listQuerySchema } from '@/lib/validation/library';

export const metadata = { title: 'People' };

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const actor = await requireStaffPage('admin', 'editor');
  const params = await searchParams;
  const query = listQuerySchema.parse(params);
  const [{ items, page, pages, total }, users] = await Promise.all([listPeople(actor, query), listLinkableUsers(actor)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">People</h1>
      {params.deleted ? (
        <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          Profile deleted.
        </p>
      ) : null}
      <form role="search" action="/admin/people" className="flex items-end gap-2">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Find a person
          </label>
          <input id="q" name="q" defaultValue={query.q} className="rounded border border-neutral-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-neutral-800 px-3 py-2 font-semibold">
          Search
        </button>
      </form>
      <p className="text-sm text-neutral-700">
        {total} {total === 1 ? 'person' : 'people'}
      </p>
      {items.length ? (
        <ul className="divide-y divide-neutral-200 rounded border border-neutral-300 bg-white">
          {items.map((p) => (
            <li key={p.id} className="flex flex-wrap gap-3 px-3 py-2">
              <Link href={`/admin/people/${p.id}`} className="font-medium underline">
                {p.name}
              </Link>
              <span className="text-sm text-neutral-700">{p.jobTitle}</span>
              <span className="text-sm text-neutral-700">
                {p.bylines} byline{p.bylines === 1 ? '' : 's'}
              </span>
              {p.user ? <span className="text-sm text-neutral-700">account: {p.user.email}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{query.q ? 'Nobody matches.' : 'No people yet.'}</p>
      )}
      <Pagination basePath="/admin/people" params={{ q: query.q }} page={page} pages={pages} />
      <section aria-labelledby="new-person" className="space-y-3">
        <h2 id="new-person" className="text-xl font-semibold">
          New profile
        </h2>
        <PersonForm person={{ id: null, name: '', slug: '', jobTitle: '', bio: '', photoId: null, userId: null, socialLinks: [] }} users={users} limited={false} />
      </section>
    </div>
  );
}
