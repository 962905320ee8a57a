import type { Metadata } from 'next';
import { NewsletterForm } from '@/components/layout/newsletter-form';
import { notFoundMetadata, notFoundPage } from '../../_lib/not-found';

/**
 * Where the newsletter forms land (303). The outcome is in the path, not a query parameter, so a
 * cached copy of one outcome is never served for another.
 */
const OUTCOMES = {
  subscribed: { title: 'You are subscribed', text: 'Thank you. The morning briefing will arrive in your inbox from tomorrow. Every email has a link to unsubscribe.', form: false },
  'already-subscribed': { title: 'You are already subscribed', text: 'That address is already on our list, so there is nothing more to do. The briefing arrives every morning.', form: false },
  unsubscribed: { title: 'You have unsubscribed', text: 'We will not send you the newsletter again. If you change your mind, you can sign up again below.', form: true },
  'invalid-email': { title: 'Please check your email address', text: 'That does not look like an email address. Enter it again, like name@example.com.', form: true },
  'invalid-link': { title: 'That link has expired', text: 'This unsubscribe link is not valid any more. If you still receive the newsletter, use the link in the most recent email.', form: false },
} as const;

type Props = { params: Promise<{ status: string }> };

function outcome(status: string) {
  return Object.hasOwn(OUTCOMES, status) ? OUTCOMES[status as keyof typeof OUTCOMES] : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = outcome((await params).status);
  if (!found) return notFoundMetadata;
  return { title: found.title, robots: { index: false } };
}

export default async function NewsletterOutcome({ params }: Props) {
  const { status } = await params;
  const found = outcome(status);
  if (!found) return notFoundPage();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-4xl font-black">{found.title}</h1>
      <p className="mt-3 text-lg" role={status === 'invalid-email' ? 'alert' : undefined}>
        {found.text}
      </p>
      {found.form ? (
        <div className="mt-6 bg-surface p-5">
          <NewsletterForm id="newsletter-outcome-email" error={status === 'invalid-email' ? 'Enter a valid email address.' : undefined} />
        </div>
      ) : (
        <p className="mt-6">
          <a href="/" className="text-link">
            Back to the front page
          </a>
        </p>
      )}
    </div>
  );
}
