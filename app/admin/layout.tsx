import type { ReactNode } from 'react';
import '../globals.css';

export const metadata = { title: 'Newsroom', robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-neutral-50 font-sans text-neutral-900">{children}</body>
    </html>
  );
}
