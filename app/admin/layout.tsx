import type { ReactNode } from 'react';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/admin-nav';
import { getCurrentActor } from '@/lib/auth/session';
import { logoutAction } from './session-actions';
import '../globals.css';

export const metadata = { title: { default: 'Newsroom', template: '%s · Newsroom' }, robots: { index: false, follow: false } };

/**
 * The newsroom shell. Signed-out visitors see only the page itself (the sign-in form, or the
 * redirect to it that every page issues through requireStaffPage); the layout is not a guard.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await getCurrentActor();
  return (
    <html lang="en">
      <body className="bg-neutral-50 font-sans text-neutral-900">
        <a href="#content" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {actor ? (
          <div className="flex min-h-screen">
            <aside className="w-56 shrink-0 border-r border-neutral-300 bg-neutral-100 p-3">
              <p className="mb-4 px-3 font-serif text-lg font-bold">
                <Link href="/admin">Newsroom</Link>
              </p>
              <AdminNav role={actor.role} />
              <div className="mt-6 border-t border-neutral-300 px-3 pt-4 text-sm">
                <p className="font-medium">{actor.name}</p>
                <p className="text-neutral-600 capitalize">{actor.role}</p>
                <p className="mt-2">
                  <Link href="/admin/account" className="underline">
                    Your account
                  </Link>
                </p>
                <form action={logoutAction} className="mt-2">
                  <button type="submit" className="underline">
                    Log out
                  </button>
                </form>
              </div>
            </aside>
            <main id="content" className="min-w-0 flex-1 p-6">
              {children}
            </main>
          </div>
        ) : (
          <div id="content">{children}</div>
        )}
      </body>
    </html>
  );
}
