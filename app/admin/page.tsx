import Link from 'next/link';
import { requireStaffPage } from '@/lib/auth/guards';

export const metadata = { title: 'Dashboard' };

type Props = { searchParams: Promise<{ denied?: string }> };

export default async function AdminHome({ searchParams }: Props) {
  const actor = await requireStaffPage();
  const { denied } = await searchParams;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      {denied ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          Your role ({actor.role}) cannot open that page.
        </p>
      ) : null}
      <p>Welcome, {actor.name}.</p>
      <p>
        <Link href="/admin/articles" className="underline">
          Go to the articles
        </Link>
      </p>
    </div>
  );
}
