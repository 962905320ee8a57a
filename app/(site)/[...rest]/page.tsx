import type { Metadata } from 'next';
import { notFoundMetadata, notFoundPage } from '../_lib/not-found';

export const metadata: Metadata = notFoundMetadata;

// Unknown reader paths render the site's 404 page, sent with status 404 (DESIGN §8.3).
export default function UnknownPath() {
  return notFoundPage();
}
