import { requireStaffPage } from '@/lib/auth/guards';
import { logoutEverywhereAction } from '../session-actions';
import { PasswordForm } from './password-form';

export const metadata = { title: 'Your account' };

export default async function AccountPage() {
  const actor = await requireStaffPage();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <dl className="grid max-w-md grid-cols-[8rem_1fr] gap-1">
        <dt className="font-medium">Name</dt>
        <dd>{actor.name}</dd>
        <dt className="font-medium">E-mail</dt>
        <dd>{actor.email}</dd>
        <dt className="font-medium">Role</dt>
        <dd className="capitalize">{actor.role}</dd>
      </dl>
      <PasswordForm />
      <form action={logoutEverywhereAction} className="max-w-md space-y-2 rounded border border-neutral-300 bg-white p-4">
        <h2 className="font-semibold">Sessions</h2>
        <p className="text-sm">Signs you out on every device, this one included — for a lost laptop or a shared computer.</p>
        <button type="submit" className="rounded border border-red-800 px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50">
          Log out everywhere
        </button>
      </form>
    </div>
  );
}
