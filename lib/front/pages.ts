/**
 * Pages the front layer answers by itself: 400 for unreadable addresses, 410 Gone and server errors. A 5xx from Next renders
 * empty once its client runtime is stripped (DESIGN §8.7), and Next cannot send a 410 (§8.12).
 * Self-contained HTML (inline styles only, which the reader CSP allows) so they work even when
 * the database or the build is what failed.
 */

export interface StaticPageOptions {
  siteName: string;
  lang: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page({ siteName, lang }: StaticPageOptions, title: string, body: string): string {
  const name = escapeHtml(siteName);
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${name}</title>
<style>body{font:1.0625rem/1.6 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1.5rem;color:#171717;background:#fff}
a{color:#1d4ed8}header{border-bottom:1px solid #e5e5e5;padding-bottom:.75rem;margin-bottom:1.5rem}
header a{font:700 1.5rem Georgia,serif;color:inherit;text-decoration:none}h1{font:700 2rem/1.2 Georgia,serif}
form{display:flex;gap:.5rem;margin-top:1rem}input{flex:1;font:inherit;padding:.4rem;border:1px solid #737373;border-radius:4px}
button{font:inherit;padding:.4rem 1rem;border:0;border-radius:4px;background:#171717;color:#fff}
@media (prefers-color-scheme:dark){body{background:#171717;color:#f5f5f5}a{color:#93c5fd}button{background:#f5f5f5;color:#171717}}</style>
</head><body><header><a href="/">${name}</a></header><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body></html>`;
}

const searchForm = `<form action="/search" method="get" role="search"><label for="q" class="visually-hidden" style="position:absolute;left:-9999px">Search</label><input id="q" name="q" type="search" placeholder="Search the site"><button type="submit">Search</button></form>`;

export function gonePage(options: StaticPageOptions): string {
  return page(
    options,
    'This story is no longer available',
    `<p>The page at this address has been removed on purpose and will not come back. It may have been withdrawn, merged into another story, or retired from our archive.</p>
<p>You can search for related coverage or <a href="/">go to the front page</a>.</p>${searchForm}`,
  );
}

/**
 * Next 16 renders `notFound()` thrown by a page as an empty `__next_error__` shell whose content
 * exists only in the RSC payload (vercel/next.js#98954); once the runtime is stripped the page
 * would be blank, so the front layer answers with this one instead.
 */
export function notFoundPage(options: StaticPageOptions): string {
  return page(
    options,
    'Page not found',
    `<p>The page you asked for does not exist or has moved.</p><p><a href="/">Go to the front page</a></p>${searchForm}`,
  );
}

/** True for Next's empty error shell: `<html id="__next_error__">` with nothing in `<body>` once stripped. */
export function isEmptyErrorShell(html: string): boolean {
  if (!html.includes('id="__next_error__"')) return false;
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';
  return body.replace(/<div hidden="">(?:<!--[^>]*-->)*<\/div>/g, '').replace(/<!--[^>]*-->/g, '').trim() === '';
}

/** For a request target that cannot name any page: malformed percent-encoding (`/news/%E0%A4%A`). */
export function badRequestPage(options: StaticPageOptions): string {
  return page(options, 'This address is not valid', `<p>The address has characters that cannot be read. Check the link, or search for what you were looking for.</p>${searchForm}`);
}

export function errorPage(options: StaticPageOptions): string {
  return page(
    options,
    'Something went wrong on our side',
    `<p>We could not show this page just now. Please try again in a moment.</p><p><a href="/">Go to the front page</a></p>`,
  );
}
