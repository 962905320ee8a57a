// Reader pages as a browser sees them through the front layer: they run under the strict CSP
// without violations or errors, and the enhancement module does its few jobs.
import { expect, test, type Page } from '@playwright/test';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

async function watch(page: Page) {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Init scripts are injected by the browser tooling, not the page, so the CSP does not apply to them.
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return errors;
}

async function firstArticlePath(page: Page): Promise<string> {
  await page.goto('/');
  const href = await page.locator('main a[href^="/"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

test('reader pages run under the CSP with no violation and no script error', async ({ page }) => {
  const errors = await watch(page);
  const article = await firstArticlePath(page);
  const pages: [string, unknown[]][] = [
    ['/', ['inline', expect.stringMatching(/^\/enhance\.js\?v=/)]],
    [article, ['inline', expect.stringMatching(/^\/enhance\.js\?v=/)]],
    // The front layer's own not-found page is plain HTML (see lib/front/pages.ts).
    ['/no-such-section/no-such-story', []],
  ];
  for (const [path, expected] of pages) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'sha256-");
    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((nodes) =>
      nodes.map((n) => (n as HTMLScriptElement).src.replace(location.origin, '') || 'inline'),
    );
    expect(scripts).toEqual(expected);
  }
  // The 404 page logs its status as a failed resource load; nothing else may appear.
  expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

test('the saved theme applies before paint and survives a cached page', async ({ page }) => {
  await watch(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('broadsheet-theme', 'dark'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

// Reader pages built in parallel adopt the markup contract in public/enhance.js; this fixture
// exercises it on our origin, with the module and CSP the front layer really serves.
test('the enhancement module toggles the theme, loads embeds on click and sends one view beacon', async ({ page, request }) => {
  const errors = await watch(page);
  const home = await request.get('/');
  const csp = home.headers()['content-security-policy']!;
  const enhanceUrl = /src="(\/enhance\.js\?v=[^"]+)"/.exec(await home.text())![1]!;
  await page.route('**/enhance-fixture', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp },
      body: `<!DOCTYPE html><html lang="en"><head><title>Fixture</title><script type="module" src="${enhanceUrl}"></script></head>
<body><button type="button" data-theme-toggle hidden>Theme</button>
<article data-article-id="1"><h1>Story</h1>
<nav aria-label="Share this story" data-share-url="http://example.test/story" data-share-title="Story"><ul><li>Share:</li><li><a href="mailto:?body=x">Email</a></li></ul></nav>
<figure data-embed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><p>Flood footage</p><p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-embed-load="">View on youtube.com</a></p></figure>
</article></body></html>`,
    }),
  );
  const beacon = page.waitForRequest((r) => r.url().includes('/api/views?a=1') && r.method() === 'POST');
  await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ status: 200, body: 'video' }));
  await page.goto('/enhance-fixture');
  await beacon;

  const toggle = page.getByRole('button', { name: /Colour theme: system/ });
  await expect(toggle).toBeVisible();
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await page.evaluate(() => localStorage.getItem('broadsheet-theme'))).toBe('dark');

  await page.getByRole('link', { name: 'View on youtube.com' }).click();
  await expect(page.locator('iframe[title="Flood footage"]')).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
  await expect(page).toHaveURL(/enhance-fixture$/);

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status')).toHaveText('Link copied');
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
});
