import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { BreakingBar } from '@/components/layout/breaking-bar';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { listFooterPages } from '@/lib/pages';
import { getBreakingBar } from '@/lib/home-curation';
import { getSiteSettings } from '@/lib/settings';
import { getSeoSettings } from '@/lib/seo/data';
import { siteMetadata } from '@/lib/seo/metadata';
import { listNavSections } from '@/lib/taxonomy';
import '../globals.css';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  return siteMetadata(await getSeoSettings());
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  // Reader pages must never be prerendered at build time (DESIGN §8.3).
  await connection();
  const [settings, sections, pages, breaking] = await Promise.all([getSiteSettings(), listNavSections(), listFooterPages(), getBreakingBar()]);
  return (
    <html lang={settings.language}>
      <body className="bg-paper font-sans text-ink antialiased">
        <a href="#main" className="skip-link">
          Skip to main content
        </a>
        {breaking ? <BreakingBar news={breaking} /> : null}
        <SiteHeader name={settings.name} tagline={settings.tagline} sections={sections} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">
          {children}
        </main>
        <SiteFooter settings={settings} sections={sections} pages={pages} />
      </body>
    </html>
  );
}
