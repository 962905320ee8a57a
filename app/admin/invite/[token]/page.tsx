import { findInvitation } from '@/lib/users';
import { AcceptForm } from './accept-form';

export const metadata = { title: 'Join the newsroom' };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  return (
    <main className="mx-auto mt-16 max-w-sm rounded border border-neutral-300 bg-white p-6 shadow-sm">
      <h1 className="mb-4 text-2xl font-bold">Join the newsroom</h1>
      {invitation ? (
        <>
          <p className="mb-4 text-sm">
            You are invited as <strong>{invitation.role}</strong> with the address {invitation.email}.
          </p>
          <AcceptForm token={token} />
        </>
      ) : (
        <p>This invitation has expired or was already used. Ask an admin for a new one.</p>
      )}
    </main>
  );
}
