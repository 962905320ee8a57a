import type { Metadata } from 'next';
import { NotFoundView } from '@/components/layout/not-found-view';
import { recordNotFound } from '@/lib/cache-tags';

/**
 * What a reader page returns for a miss: the 404 page rendered in place, flagged for the front
 * layer to send with status 404. Calling `notFound()` instead would give an empty error shell
 * that only Next's client runtime could fill (vercel/next.js#62228).
 */
export function notFoundPage() {
  recordNotFound();
  return <NotFoundView />;
}

export const notFoundMetadata: Metadata = { title: 'Page not found', robots: { index: false } };
