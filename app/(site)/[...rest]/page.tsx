import { notFound } from 'next/navigation';

// Unknown reader paths render the site's 404 page with a real 404 status (DESIGN §8.3).
export default function UnknownPath() {
  notFound();
}
