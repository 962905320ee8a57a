import { expect, test } from '@playwright/test';

test('the home page lists stories that open as articles', async ({ page }) => {
  await page.goto('/');
  const first = page.getByRole('main').getByRole('heading').getByRole('link').first();
  const headline = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
});

test('an unknown path is a real 404 with a way back', async ({ page }) => {
  const response = await page.goto('/no-such-section/no-such-story');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
});
