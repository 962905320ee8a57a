/** Which page numbers to show: the first, the last, and two either side of the current one. */
export function pageNumbers(current: number, count: number): (number | 'gap')[] {
  const pages: (number | 'gap')[] = [];
  for (let n = 1; n <= count; n++) {
    if (n === 1 || n === count || Math.abs(n - current) <= 2) pages.push(n);
    else if (pages.at(-1) !== 'gap') pages.push('gap');
  }
  return pages;
}

/** Numbered pagination as plain links; page 1 carries no parameter (DESIGN §4). */
export function Pagination({ current, count, href }: { current: number; count: number; href: (page: number) => string }) {
  if (count <= 1) return null;
  const link = 'inline-block min-w-9 rounded border border-rule px-2 py-1 text-center hover:bg-surface';
  return (
    <nav aria-label="Search result pages" className="mt-8">
      <ul className="flex flex-wrap items-center gap-1">
        {current > 1 && (
          <li>
            <a href={href(current - 1)} rel="prev" className={link}>
              Previous
            </a>
          </li>
        )}
        {pageNumbers(current, count).map((n, i) =>
          n === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1">
              …
            </li>
          ) : (
            <li key={n}>
              {n === current ? (
                <span aria-current="page" className={`${link} border-ink bg-ink font-semibold text-paper hover:bg-ink`}>
                  {n}
                </span>
              ) : (
                <a href={href(n)} className={link} aria-label={`Page ${n}`}>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
        {current < count && (
          <li>
            <a href={href(current + 1)} rel="next" className={link}>
              Next
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
