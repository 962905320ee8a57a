import type { Metadata } from 'next';
import { NewsletterForm } from '@/components/layout/newsletter-form';
import { getSiteSettings } from '@/lib/settings';

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return { title: 'Newsletter', description: `The morning briefing from ${settings.name}: the day’s essential stories, free, every morning.` };
}

export default async function NewsletterPage() {
  const settings = await getSiteSettings();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-4xl font-black">The morning briefing</h1>
      <p className="mt-3 text-lg">The day’s essential stories from {settings.name}, in your inbox every morning. Free, and you can unsubscribe with one click from any email.</p>
      <div className="mt-6 bg-surface p-5">
        <NewsletterForm id="newsletter-page-email" />
      </div>
      <p className="mt-4 text-sm text-muted">
        We keep your address only to send the newsletter. Read our{' '}
        <a href="/privacy" className="text-link">
          privacy page
        </a>
        .
      </p>
    </div>
  );
}
