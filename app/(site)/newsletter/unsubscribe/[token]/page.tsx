import type { Metadata } from 'next';
import { newsletterTokenSchema } from '@/lib/validation/newsletter';
import { notFoundPage } from '../../../_lib/not-found';

type Props = { params: Promise<{ token: string }> };

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false } };

/** The page an emailed unsubscribe link opens: one button that posts the token. */
export default async function UnsubscribePage({ params }: Props) {
  const parsed = newsletterTokenSchema.safeParse({ token: (await params).token });
  if (!parsed.success) return notFoundPage();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="font-serif text-4xl font-black">Unsubscribe from the newsletter</h1>
      <p className="mt-3 text-lg">Press the button to stop receiving the morning briefing.</p>
      <form action="/newsletter/unsubscribe" method="post" className="mt-6">
        <input type="hidden" name="token" value={parsed.data.token} />
        <button type="submit" className="bg-accent px-5 py-3 font-sans font-bold text-accent-ink">
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
