import type { ReactNode } from 'react';
import Link from 'next/link';

export interface DashboardListItem {
  id: number;
  headline: string;
  /** What to say beside the headline: a date, a view count. */
  detail: string;
  /** A second link, e.g. to the story as readers see it. */
  extra?: { href: string; label: string };
}

export interface DashboardPanel {
  title: string;
  items: DashboardListItem[];
  /** What the panel says when it has nothing to list. */
  empty: ReactNode;
  /** The full list in the article list. */
  more?: { href: string; label: string };
}

/** One dashboard panel: a heading, a short list of articles linking to their edit pages, and what to do when it is empty. */
export function DashboardList({ title, items, empty, more }: DashboardPanel) {
  const id = `dashboard-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded border border-neutral-300 bg-white p-4">
      <h2 id={id} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {items.length ? (
        <ul className="divide-y divide-neutral-200">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-baseline justify-between gap-x-3 py-1.5">
              <Link href={`/admin/articles/${item.id}`} className="font-medium underline">
                {item.headline}
              </Link>
              <span className="text-sm text-neutral-700">
                {item.detail}
                {item.extra ? (
                  <>
                    {' · '}
                    <a href={item.extra.href} aria-label={`${item.extra.label}: ${item.headline}`} className="underline">
                      {item.extra.label}
                    </a>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-neutral-700">{empty}</p>
      )}
      {more && items.length ? (
        <p className="mt-2 text-sm">
          <Link href={more.href} className="underline">
            {more.label}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
