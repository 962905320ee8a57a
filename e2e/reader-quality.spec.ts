import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** One URL per reader page type, discovered from the seeded site. */
async function pageTypes(page: Page): Promise<Record<string, string>> {
  await page.goto('/news');
  // The last story on page 1 is a seeded one: other specs publish short, untagged stories into News.
  const article = (await page.getByRole('main').locator('article h2 a, article h3 a').last().getAttribute('href'))!;
  await page.goto(article);
  const tag = (await page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first().getAttribute('href'))!;
  const author = (await page.locator('a[rel="author"]').first().getAttribute('href'))!;
  const datetime = (await page.locator('article time').first().getAttribute('datetime'))!;
  return {
    home: '/',
    section: '/news',
    'sub-section': '/news/asia',
    article,
    tag,
    author,
    'date archive': `/${datetime.slice(0, 4)}/${datetime.slice(5, 7)}`,
    'static page': '/about',
    newsletter: '/newsletter',
    'not found': '/no-such-page-here',
  };
}

const PAGE_TYPES = ['home', 'section', 'sub-section', 'article', 'tag', 'author', 'date archive', 'static page', 'newsletter', 'not found'] as const;

for (const scheme of ['light', 'dark'] as const) {
  test(`no WCAG 2.2 A/AA violations on any page type (${scheme})`, async ({ page }) => {
    test.setTimeout(300_000);
    const urls = await pageTypes(page);
    await page.emulateMedia({ colorScheme: scheme });
    for (const name of PAGE_TYPES) {
      await page.goto(urls[name]!);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect.soft(summary, `${name} (${urls[name]}) in ${scheme}`).toEqual([]);
    }
  });
}

test('a skip link leads keyboard users to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

async function layoutShift(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 1000);
      }),
  );
}

test('home and article do not shift while loading, and article HTML stays under 150 kB', async ({ page, request }) => {
  test.setTimeout(180_000);
  const urls = await pageTypes(page);
  for (const viewport of [{ width: 375, height: 800 }, { width: 1280, height: 900 }]) {
    await page.setViewportSize(viewport);
    expect(await layoutShift(page, '/'), `home at ${viewport.width}px`).toBe(0);
    expect(await layoutShift(page, urls.article!), `article at ${viewport.width}px`).toBe(0);
  }
  const html = await (await request.get(urls.article!)).body();
  expect(html.length).toBeLessThan(150 * 1024);
});

test('screenshots of home, article and section at 375 and 1280 px, light and dark', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const urls = await pageTypes(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const name of ['home', 'article', 'section'] as const) {
        await page.goto(urls[name]!);
        const path = testInfo.outputPath(`${name}-${width}-${scheme}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`${name} ${width}px ${scheme}`, { path, contentType: 'image/png' });
      }
    }
  }
});

test('print hides navigation, sidebar and share links', async ({ page }) => {
  const urls = await pageTypes(page);
  await page.goto(urls.article!);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'More from the paper' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Share this story' })).toBeHidden();
});
