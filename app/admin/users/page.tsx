import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { ROLES } from '@/lib/auth/actor';
import { getSiteSettings } from '@/lib/settings';
import { listPendingInvitations, listUsers } from '@/lib/users';
import { changeRoleAction, resetPasswordAction, revokeInvitationAction, setDisabledAction } from './actions';
import { InviteForm } from './invite-form';
import { DataRow, DataTable } from '@/components/admin/data-table';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requireStaffPage('admin');
  const [users, invitations, settings] = await Promise.all([listUsers(actor), listPendingInvitations(actor), getSiteSettings()]);
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: settings.timeZone });
  return (
    <div className="max-w-5xl space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <InviteForm />
      {invitations.length ? (
        <section className="space-y-2">
          <h2 className="font-semibold">Pending invitations</h2>
          <ul className="space-y-2">
            {invitations.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3 rounded border border-neutral-300 bg-white p-2">
                <span>
                  {i.email} ({i.role}), expires {format.format(i.expiresAt)}
                </span>
                <ActionForm action={revokeInvitationAction} submitLabel="Revoke" danger label={`Revoke the invitation for ${i.email}`}>
                  <input type="hidden" name="invitationId" value={i.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <DataTable caption="Staff accounts" columns={[{ label: 'Name' }, { label: 'Role' }, { label: 'Status' }, { label: 'Password' }]}>
        {users.map((user) => (
          <DataRow key={user.id}>
            <td className="p-2">
              <p className="font-medium">{user.name}</p>
              <p className="text-neutral-700">{user.email}</p>
              <p className="text-xs text-neutral-600">{user.lastLoginAt ? `Last signed in ${format.format(user.lastLoginAt)}` : 'Never signed in'}</p>
            </td>
            <td className="p-2">
              <ActionForm action={changeRoleAction} submitLabel="Change" label={`Role of ${user.name}`}>
                <input type="hidden" name="userId" value={user.id} />
                <label htmlFor={`role-${user.id}`} className="sr-only">
                  Role of {user.name}
                </label>
                <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded border border-neutral-400 bg-white px-2 py-1.5">
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </ActionForm>
            </td>
            <td className="p-2">
              <p className="mb-1">{user.disabled ? 'Disabled' : 'Active'}</p>
              {user.id === actor.userId ? null : (
                <ActionForm action={setDisabledAction} submitLabel={user.disabled ? 'Enable' : 'Disable'} danger={!user.disabled} label={`${user.disabled ? 'Enable' : 'Disable'} ${user.name}`}>
                  <input type="hidden" name="userId" value={user.id} />
                  <input type="hidden" name="disable" value={user.disabled ? '0' : '1'} />
                </ActionForm>
              )}
            </td>
            <td className="p-2">
              {user.id === actor.userId ? (
                <Link href="/admin/account" className="underline">
                  Change yours
                </Link>
              ) : (
                <ActionForm action={resetPasswordAction} submitLabel="Set" label={`New password for ${user.name}`}>
                  <input type="hidden" name="userId" value={user.id} />
                  <label htmlFor={`password-${user.id}`} className="sr-only">
                    New password for {user.name}
                  </label>
                  <input id={`password-${user.id}`} name="password" type="password" autoComplete="new-password" placeholder="New password" className="w-40 rounded border border-neutral-400 px-2 py-1.5" />
                </ActionForm>
              )}
            </td>
          </DataRow>
        ))}
      </DataTable>
    </div>
  );
}
