/**
 * Hostile URLs (issue 13): every reader, feed, API and newsroom route pattern, with route params
 * and query strings that are unicode, 10,000 characters long, encoded slashes, NULs, invalid
 * percent-encoding, negative/huge/NaN page numbers and garbage dates. Every answer must be a
 * page or a refusal (2xx–4xx), never a 5xx.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts';

/** Hostile route parameters, already as they appear in a URL path. */
const SEGMENTS = [
  encodeURIComponent('ข่าวเชียงใหม่'),
  encodeURIComponent('Ünïcödé 🦀'),
  'a'.repeat(10_000),
  '%2F',
  'a%2Fb',
  '%2e%2e',
  '%00',
  'a%00b',
  '%E0%A4%A',
  '%',
  '%ZZ',
  '%C0%AF',
  '%FF%FE',
  '-1',
  '0',
  '99999999999999999999',
  'NaN',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '%27%22%3B--',
  '%20',
  '..%5C..%5Cetc%5Cpasswd',
];

/** Hostile query-string values. */
const VALUES = ['-1', '0', '1.5', '1e9', '99999999999999999999', 'NaN', 'Infinity', '%00', '%E0%A4%A', '%', encodeURIComponent('ข่าว'), 'a'.repeat(10_000), '2026-13-45', '0000-00-00', '%3Cscript%3E', '[]', '%2F..%2F'];

/** Route patterns with `{}` where a hostile segment goes. */
const READER_ROUTES = [
  '/{}',
  '/news/{}',
  '/{}/{}',
  '/news/{}/feed.xml',
  '/{}/feed.xml',
  '/{}/atom.xml',
  '/tag/{}',
  '/tag/{}/feed.xml',
  '/author/{}',
  '/author/{}/atom.xml',
  '/2026/{}',
  '/{}/11',
  '/2026/11/{}',
  '/2026/{}/29',
  '/sitemaps/{}.xml',
  '/preview/{}',
  '/newsletter/{}',
  '/newsletter/unsubscribe/{}',
  '/_broadsheet/social/{}',
  '/_broadsheet/social/{}.png',
  '/media/{}',
  '/media/{}/{}',
  '/media/{}.jpg',
  '/media/2026/{}.webp',
  '/api/{}',
  '/_next/static/{}',
];

const NEWSROOM_ROUTES = ['/admin/{}', '/admin/articles/{}', '/admin/media/{}', '/admin/pages/{}', '/admin/people/{}', '/admin/sections/{}', '/admin/tags/{}', '/admin/invite/{}', '/admin/articles/{}/{}'];

/** Listings and their query parameters. */
const QUERY_ROUTES: [string, string[]][] = [
  ['/', ['page', 'p', 'page_id', 'cat']],
  ['/news', ['page']],
  ['/tag/floods', ['page']],
  ['/author/kanya-srisuk', ['page']],
  ['/2026/11', ['page']],
  ['/search', ['q', 'page', 'from', 'to', 'section', 'author', 'sort']],
  ['/feed.xml', ['page']],
  ['/sitemap.xml', ['page']],
  ['/api/health', ['x']],
  ['/api/views', ['id', 'a']],
];
const NEWSROOM_QUERY_ROUTES: [string, string[]][] = [
  ['/admin/articles', ['q', 'page', 'state', 'section', 'author', 'sort']],
  ['/admin/media', ['q', 'page', 'format', 'missingAlt', 'mine']],
  ['/admin/people', ['q', 'page']],
  ['/admin/tags', ['q', 'page']],
  ['/admin/trash', ['page', 'type']],
  ['/admin/users', ['page']],
  ['/admin/home', ['q']],
];

function expand(pattern: string): string[] {
  return SEGMENTS.map((segment) => pattern.replaceAll('{}', segment));
}

function queries(path: string, names: string[]): string[] {
  return names.flatMap((name) => VALUES.map((value) => `${path}?${name}=${value}`)).concat(`${path}?${names.map((n) => `${n}=%E0%A4%A`).join('&')}`);
}

/** Requests every URL (a few at a time) and returns those that answered 5xx or failed. */
async function sweep(request: APIRequestContext, urls: string[], method: 'GET' | 'POST' = 'GET'): Promise<{ failures: string[]; statuses: Record<number, number> }> {
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      try {
        const response = await request.fetch(url, { method, maxRedirects: 0, failOnStatusCode: false, timeout: 30_000, ...(method === 'POST' ? { form: { email: 'x', token: url } } : {}) });
        statuses[response.status()] = (statuses[response.status()] ?? 0) + 1;
        if (response.status() >= 500) failures.push(`${method} ${url.slice(0, 120)} → ${response.status()}`);
      } catch (error) {
        failures.push(`${method} ${url.slice(0, 120)} → ${(error as Error).message.split('\n')[0]}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  return { failures, statuses };
}

test.describe.configure({ timeout: 600_000 });

test('reader, feed, media and API routes answer hostile paths and queries without a 5xx', async ({ request }) => {
  const urls = [...READER_ROUTES.flatMap(expand), ...QUERY_ROUTES.flatMap(([path, names]) => queries(path, names))];
  const { failures, statuses } = await sweep(request, urls);
  console.log(`reader sweep: ${urls.length} requests, statuses ${JSON.stringify(statuses)}`);
  expect(failures).toEqual([]);
});

test('reader forms take hostile posts without a 5xx', async ({ request }) => {
  const urls = ['/newsletter/subscribe', '/newsletter/unsubscribe', ...SEGMENTS.map((s) => `/newsletter/subscribe?x=${s}`), '/search', '/api/views'];
  const { failures } = await sweep(request, urls, 'POST');
  expect(failures).toEqual([]);
});

test('newsroom routes answer hostile ids and filters without a 5xx, signed in and signed out', async ({ browser, request }) => {
  const urls = [...NEWSROOM_ROUTES.flatMap(expand), ...NEWSROOM_QUERY_ROUTES.flatMap(([path, names]) => queries(path, names))];
  const anonymous = await sweep(request, urls);
  expect(anonymous.failures).toEqual([]);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(E2E_ACCOUNTS.admin.email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  const signedIn = await sweep(context.request, urls);
  console.log(`newsroom sweep: ${urls.length} requests twice, statuses signed in ${JSON.stringify(signedIn.statuses)}`);
  expect(signedIn.failures).toEqual([]);
  await context.close();
});
