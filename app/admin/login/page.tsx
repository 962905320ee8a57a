import { redirect } from 'next/navigation';
import { getCurrentActor } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/auth/guards';
import { LoginForm } from './login-form';

export const metadata = { title: 'Sign in · Newsroom' };

type Props = { searchParams: Promise<{ next?: string }> };

export default async function LoginPage({ searchParams }: Props) {
  const { next } = await searchParams;
  if (await getCurrentActor()) redirect(safeNextPath(next));
  return (
    <main className="mx-auto mt-16 max-w-sm rounded border border-neutral-300 bg-white p-6 shadow-sm">
      <h1 className="mb-6 text-2xl font-bold">Sign in to the newsroom</h1>
      <LoginForm next={next ? safeNextPath(next) : undefined} />
    </main>
  );
}
