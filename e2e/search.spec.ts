import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** A headline from the front page, so the spec needs no fixtures of its own. */
async function someHeadline(page: Page): Promise<{ headline: string; path: string }> {
  await page.goto('/');
  const link = page.getByRole('main').getByRole('heading').getByRole('link').first();
  return { headline: (await link.textContent())!.trim(), path: (await link.getAttribute('href'))! };
}

test('a headline search finds the story first, highlighted, and opens it', async ({ page }) => {
  const { headline, path } = await someHeadline(page);
  await page.goto('/search');
  await page.getByRole('searchbox', { name: 'Search articles' }).fill(`"${headline}"`);
  await page.getByRole('search', { name: 'Search articles' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByRole('main').getByRole('listitem');
  const first = results.first().getByRole('heading', { level: 3 }).getByRole('link');
  await expect(first).toHaveAttribute('href', path);
  await expect(first.locator('mark').first()).toBeVisible();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

test('search results are kept out of search engines and pass an accessibility scan', async ({ page, request }) => {
  const response = await request.get('/search?q=the');
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toMatch(/<meta name="robots" content="noindex, follow"/);
  await page.goto('/search?q=the');
  const accessibility = await new AxeBuilder({ page }).analyze();
  expect(accessibility.violations.map((v) => v.id)).toEqual([]);
});

test('numbered pagination moves through the results', async ({ page }) => {
  await page.goto('/search?q=the&sort=newest');
  await expect(page.getByRole('heading', { name: /results/ })).toBeVisible();
  const pages = page.getByRole('navigation', { name: 'Search result pages' });
  await expect(pages.getByText('1', { exact: true })).toHaveAttribute('aria-current', 'page');
  const firstOnPageOne = await page.getByRole('main').getByRole('article').first().getByRole('link').textContent();
  await pages.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(pages.getByText('2', { exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('main').getByRole('article').first().getByRole('link')).not.toHaveText(firstOnPageOne!);
});

test('filters narrow the results and stay in the form', async ({ page }) => {
  await page.goto('/search?q=the');
  await page.getByText('Filters and sorting').click();
  const section = page.getByRole('search', { name: 'Search articles' }).locator('select[name="section"]');
  const value = await section.locator('option').nth(1).getAttribute('value');
  await section.selectOption(value!);
  await page.getByRole('search', { name: 'Search articles' }).getByLabel('Sort by').selectOption('newest');
  await page.getByRole('search', { name: 'Search articles' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`section=${encodeURIComponent(value!).replace('%2F', '(%2F|/)')}`));
  await expect(page.getByRole('search', { name: 'Search articles' }).locator('select[name="section"]')).toHaveValue(value!);
  await expect(page.getByRole('search', { name: 'Search articles' }).getByLabel('Sort by')).toHaveValue('newest');
});

test('empty and no-result states say what to do', async ({ page }) => {
  await page.goto('/search');
  await expect(page.getByText('Search every story we have published')).toBeVisible();
  await page.goto('/search?q=zzqxnotawordanywhere');
  await expect(page.getByRole('heading', { name: 'No results for “zzqxnotawordanywhere”' })).toBeVisible();
});

const hostile = [
  '"',
  '"unbalanced',
  '-',
  '* OR NOT AND NEAR(',
  "'; DROP TABLE \"Article\"; --",
  '\\',
  ':*ABC & !',
  '🦀 ข่าว',
  'น้ำมัน',
  'x'.repeat(10_000),
];

test('hostile queries and parameters all answer 200', async ({ request }) => {
  for (const q of hostile) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 30)).toBe(200);
  }
  for (const extra of ['page=-1', 'page=abc', 'page=99999', 'sort=drop', 'from=2026-13-45', 'section=%00', 'author=../../etc', 'q=a&q=b']) {
    const response = await request.get(`/search?q=the&${extra}`);
    expect(response.status(), extra).toBe(200);
  }
});
