import { Pagination } from '@/components/admin/pagination';
import { PersonForm } from '@/components/admin/person-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { listLinkableUsers, listPeople } from '@/lib/people-editing';
import { listQuerySchema } from '@/lib/validation/library';
import { LinkList, LinkListItem } from '@/components/admin/data-table';
import { ListSearch } from '@/components/admin/list-search';
import { Notice } from '@/components/admin/page-header';

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
      <Notice>{params.deleted ? 'Profile deleted.' : null}</Notice>
      <ListSearch action="/admin/people" label="Find a person" q={query.q} />
      <p className="text-sm text-neutral-700">
        {total} {total === 1 ? 'person' : 'people'}
      </p>
      {items.length ? (
        <LinkList>
          {items.map((p) => (
            <LinkListItem key={p.id} href={`/admin/people/${p.id}`} title={p.name}>
              <span className="text-sm text-neutral-700">{p.jobTitle}</span>
              <span className="text-sm text-neutral-700">
                {p.bylines} byline{p.bylines === 1 ? '' : 's'}
              </span>
              {p.user ? <span className="text-sm text-neutral-700">account: {p.user.email}</span> : null}
            </LinkListItem>
          ))}
        </LinkList>
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
