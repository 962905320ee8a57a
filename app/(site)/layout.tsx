import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { getSiteSettings } from '@/lib/settings';
import '../globals.css';

export default async function SiteLayout({ children }: { children: ReactNode }) {
  // Reader pages must never be prerendered at build time (DESIGN §8.3).
  await connection();
  const settings = await getSiteSettings();
  return (
    <html lang={settings.language}>
      <body className="bg-white font-sans text-neutral-900">
        <header className="border-b border-neutral-200 px-4 py-3">
          <a href="/" className="font-serif text-2xl font-bold">
            {settings.name}
          </a>
        </header>
        <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
