import { SettingsForm } from '@/components/admin/settings-form';
import { requireStaffPage } from '@/lib/auth/guards';
import { getEditableSettings } from '@/lib/settings-editing';
import { timeZones } from '@/lib/validation/library';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const actor = await requireStaffPage('admin');
  const settings = await getEditableSettings(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Site settings</h1>
      <SettingsForm settings={settings} timeZones={[...timeZones].sort()} />
    </div>
  );
}
