import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { test as base } from '@playwright/test';

const MEDIA_DIR = process.env.E2E_MEDIA_DIR ?? './data/e2e-media';

/**
 * Reader pages under test, with `/media/…` answered from the seeded media directory. Serving
 * media is the library's job; until its handler is in the server, a missing image would be
 * rendered by Next as a whole 404 page per picture and slow every page load to a crawl.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    await page.route('**/media/**', async (route) => {
      const path = normalize(decodeURIComponent(new URL(route.request().url()).pathname.slice('/media/'.length)));
      if (path.startsWith('..')) return route.fulfill({ status: 404 });
      try {
        const body = await readFile(join(MEDIA_DIR, path));
        await route.fulfill({ status: 200, body, contentType: path.endsWith('.webp') ? 'image/webp' : 'image/jpeg' });
      } catch {
        await route.fulfill({ status: 404 });
      }
    });
    await use(page);
  },
});

export { expect } from '@playwright/test';
