/** Page numbers shown around the current one; the first and last are always shown. */
function pageNumbers(current: number, total: number): (number | 'gap')[] {
  const wanted = new Set([1, total, current - 2, current - 1, current, current + 1, current + 2]);
  const pages = [...wanted].filter((n) => n >= 1 && n <= total).sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  pages.forEach((n, i) => {
    if (i > 0 && n - pages[i - 1]! > 1) out.push('gap');
    out.push(n);
  });
  return out;
}

export function pageHref(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}?page=${page}`;
}

/** Numbered pagination with plain links; page 1 has no parameter (DESIGN §4). */
export function Pagination({ basePath, page, totalPages }: { basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const item = 'inline-flex min-w-10 min-h-10 items-center justify-center border border-rule px-3';
  return (
    <nav aria-label="Pagination" className="mt-8 no-print">
      <ul className="flex flex-wrap items-center gap-2 font-sans text-sm">
        {page > 1 ? (
          <li>
            <a href={pageHref(basePath, page - 1)} rel="prev" className={`${item} hover:bg-surface`}>
              ← Newer<span className="sr-only"> stories</span>
            </a>
          </li>
        ) : null}
        {pageNumbers(page, totalPages).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <a href={pageHref(basePath, n)} aria-current="page" className={`${item} border-ink bg-ink font-bold text-paper`}>
                  <span className="sr-only">Page </span>
                  {n}
                </a>
              ) : (
                <a href={pageHref(basePath, n)} className={`${item} hover:bg-surface`}>
                  <span className="sr-only">Page </span>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <a href={pageHref(basePath, page + 1)} rel="next" className={`${item} hover:bg-surface`}>
              Older<span className="sr-only"> stories</span> →
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
