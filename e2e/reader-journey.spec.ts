import { expect, test, type Page } from '@playwright/test';

/**
 * A reader's walk through the paper, asserting what they see on each page. Runs twice: with
 * JavaScript, and without it (every reader page must be complete as plain HTML).
 */
async function walk(page: Page) {
  // Home: a lead story, top stories, section blocks, latest and most read.
  await page.goto('/');
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 2, name: 'Latest' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Most read' })).toBeVisible();
  const homeLinks = await main.locator('article h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(homeLinks.length).toBeGreaterThan(10);
  expect(new Set(homeLinks).size).toBe(homeLinks.length);

  // Section front: its name, sub-sections, a lead story and numbered pagination.
  await page.getByRole('navigation', { name: 'Sections', exact: true }).getByRole('link', { name: 'News', exact: true }).click();
  await expect(page).toHaveURL(/\/news$/);
  await expect(page.getByRole('heading', { level: 1, name: 'News' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'News sub-sections' }).getByRole('link', { name: 'Asia' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 2' })).toBeVisible();

  // Article: headline, byline, times in the site's zone, body, tags, related and continue reading.
  // The last story on page 1: other specs publish short, untagged stories into News while this runs.
  const lead = main.locator('article h2 a, article h3 a').last();
  const headline = (await lead.textContent())!.trim();
  await lead.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'News' })).toBeVisible();
  const published = page.locator('article time').first();
  await expect(published).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
  await expect(page.getByText(/\d+ min read/)).toBeVisible();
  expect(await page.locator('.article-body p').count()).toBeGreaterThan(3);
  await expect(page.getByRole('heading', { name: 'Continue reading' })).toBeVisible();
  const topicLink = page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first();
  const topicName = (await topicLink.textContent())!.trim();
  const topicHref = (await topicLink.getAttribute('href'))!;
  await expect(page.getByRole('navigation', { name: 'Share this story' }).getByRole('link', { name: /Facebook/ })).toHaveAttribute('href', /facebook\.com\/sharer/);
  const sidebar = page.getByRole('complementary', { name: 'More from the paper' });
  await expect(sidebar.getByRole('heading', { name: 'Recent news' })).toBeVisible();
  await expect(sidebar.getByRole('heading', { name: 'Sponsored' })).toBeVisible();
  await expect(sidebar.locator('a[rel~="sponsored"]').first()).toBeVisible();
  await expect(sidebar.getByRole('heading', { name: 'Connect with us' })).toBeVisible();

  // A related story opens as an article.
  const related = page.getByRole('region', { name: 'Related stories' }).locator('h3 a').first();
  const relatedHeadline = (await related.textContent())!.trim();
  await related.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedHeadline);

  // Author page: name, bio and their stories.
  const byline = page.locator('a[rel="author"]').first();
  const author = (await byline.textContent())!.trim();
  await byline.click();
  await expect(page).toHaveURL(/\/author\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(author);
  await expect(main.locator('ol article').first()).toBeVisible();

  // The tag page of the first article's first topic.
  await page.goto(topicHref);
  await expect(page).toHaveURL(/\/tag\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(topicName);

  // Page 2 of a section, then a sub-section.
  await page.goto('/news');
  await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/\/news\?page=2$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Page 2 of \d+/);
  await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('navigation', { name: 'News sub-sections' }).getByRole('link', { name: 'Asia' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Asia' })).toBeVisible();
  const asiaStory = main.locator('article').first();
  await expect(asiaStory.locator('time')).toBeVisible();

  // Date archive for the month of the newest Asia story.
  const datetime = (await asiaStory.locator('time').getAttribute('datetime'))!;
  const [yyyy, mm, dd] = datetime.slice(0, 10).split('-');
  await page.goto(`/${yyyy}/${mm}/${dd}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(String(Number(dd)));
  await expect(page.getByText(/stor(y|ies) published on/)).toBeVisible();
  expect(await main.locator('ol article').count()).toBeGreaterThan(0);
  await page.goto(`/${yyyy}/${mm}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(yyyy!);

  // A static page from the footer.
  await page.getByRole('contentinfo').getByRole('link', { name: 'About us' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About us' })).toBeVisible();

  // A 404 that helps: search box and latest stories.
  const missing = await page.goto('/news/no-such-story-anywhere');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(main.getByRole('searchbox', { name: 'Search the site' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Latest stories' })).toBeVisible();
}

// A dozen full page loads on a shared, busy machine.
test.describe.configure({ timeout: 240_000 });

test('a reader’s journey through the paper', async ({ page }) => {
  await walk(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same journey works as plain HTML', async ({ page }) => {
    await walk(page);
  });

  test('the mobile menu opens without JavaScript', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/');
    const menu = page.getByRole('navigation', { name: 'Sections menu' });
    await expect(menu).toBeHidden();
    await page.locator('summary', { hasText: 'Menu' }).click();
    await expect(menu.getByRole('link', { name: 'Sport' })).toBeVisible();
  });

  test('newsletter sign-up is stored, duplicate-safe and confirmed', async ({ page }) => {
    const email = `reader-${Date.now()}@example.org`;
    await page.goto('/newsletter');
    await page.getByRole('main').getByLabel('Email address').fill(email);
    await page.getByRole('main').getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL(/\/newsletter\/subscribed$/);
    await expect(page.getByRole('heading', { level: 1, name: 'You are subscribed' })).toBeVisible();
    await page.goto('/newsletter');
    await page.getByRole('main').getByLabel('Email address').fill(email.toUpperCase());
    await page.getByRole('main').getByRole('button', { name: 'Sign up' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'You are already subscribed' })).toBeVisible();
  });
});

test.describe('pagination and missing pages', () => {
  test('page 1 has no parameter, nonsense and out-of-range pages are 404s', async ({ page, request }) => {
    const first = await request.get('/news?page=1', { maxRedirects: 0 });
    expect(first.status()).toBe(301);
    expect(first.headers().location).toMatch(/\/news$/);
    for (const path of ['/news?page=999', '/news?page=0', '/news?page=two', '/tag/no-such-tag', '/author/nobody', '/2026/13', '/2026/02/30', '/a/b/c/d', '/no-such-section']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' }), path).toBeVisible();
    }
  });
});
