import { notFound } from 'next/navigation';
import { ConfirmAction } from '@/components/admin/confirm-action';
import { PersonForm } from '@/components/admin/person-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { getPerson, listLinkableUsers } from '@/lib/people-editing';
import { deletePersonAction } from '../actions';
import { Notice, PageHeader } from '@/components/admin/page-header';
import { parseId } from '@/lib/validation/ids';

export const metadata = { title: 'Profile' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function PersonPage({ params, searchParams }: Props) {
  const id = parseId((await params).id);
  // Authors may open their own profile only; getPerson refuses the rest.
  const actor = await requireStaffPage();
  if (id === null) notFound();
  if (actor.role === 'author' && actor.personId !== id) notFound();
  const person = await getPerson(actor, id);
  if (!person) notFound();
  const limited = actor.role === 'author';
  const users = limited ? [] : await listLinkableUsers(actor, id);
  return (
    <div className="space-y-6">
      <PageHeader title={person.name} back={limited ? undefined : { href: '/admin/people', label: 'People' }} />
      <Notice>{(await searchParams).saved ? 'Profile saved.' : null}</Notice>
      <p className="text-sm text-neutral-700">
        <a href={`/author/${person.slug}`} className="underline">
          /author/{person.slug}
        </a>{' '}
        · {person.bylines} byline{person.bylines === 1 ? '' : 's'}
      </p>
      <PersonForm
        person={{ id: person.id, name: person.name, slug: person.slug, jobTitle: person.jobTitle ?? '', bio: person.bio ?? '', photoId: person.photo?.id ?? null, userId: person.user?.id ?? null, socialLinks: person.socialLinks }}
        users={users}
        limited={limited}
      />
      {limited || person.bylines ? null : <ConfirmAction action={deletePersonAction.bind(null, person.id)} label="Delete profile" pendingLabel="Deleting…" confirm={`Delete the profile of ${person.name}?`} danger />}
    </div>
  );
}
