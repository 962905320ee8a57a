import type { BreakingBar as BreakingNews } from '@/lib/home-curation';

export function BreakingBar({ news }: { news: BreakingNews }) {
  return (
    <div role="region" aria-label="Breaking news" className="bg-accent text-accent-ink">
      <p className="mx-auto flex max-w-6xl gap-3 px-4 py-2 font-sans text-sm">
        <strong className="tracking-wider uppercase">Breaking</strong>
        {news.url ? (
          <a href={news.url} className="underline underline-offset-2">
            {news.text}
          </a>
        ) : (
          <span>{news.text}</span>
        )}
      </p>
    </div>
  );
}
