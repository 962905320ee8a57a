import type { ReactNode } from 'react';
import Link from 'next/link';

/**
 * The top of a newsroom page: an optional way back to its list, the heading, and actions on its
 * right. A fragment, so the page's own spacing applies to each part.
 */
export function PageHeader({ title, back, actions }: { title: ReactNode; back?: { href: string; label: string }; actions?: ReactNode }) {
  const heading = <h1 className="text-2xl font-bold">{title}</h1>;
  return (
    <>
      {back ? (
        <p>
          <Link href={back.href} className="underline">
            ← {back.label}
          </Link>
        </p>
      ) : null}
      {actions ? (
        <div className="flex items-center justify-between">
          {heading}
          {actions}
        </div>
      ) : (
        heading
      )}
    </>
  );
}

/** The result of the last action, announced politely; renders nothing without content. */
export function Notice({ children }: { children?: ReactNode }) {
  if (children === null || children === undefined || children === false || children === '') return null;
  return (
    <p role="status" className="rounded border border-green-700 bg-green-50 px-3 py-2 text-green-900">
      {children}
    </p>
  );
}

/** What an empty list says instead, and what to do about it. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded border border-dashed border-neutral-400 p-6 text-center text-neutral-700">{children}</p>;
}
