import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts';

async function signIn(page: Page, who: keyof typeof E2E_ACCOUNTS) {
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(E2E_ACCOUNTS[who].email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Newsroom' })).toBeVisible();
}

test('an editor uploads images with progress, refused files say why, and the focal point moves the crop', async ({ page }) => {
  await signIn(page, 'editor');
  await page.goto('/admin/media');
  const png = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#2a6f97' } }).png().toBuffer();
  await page.getByLabel('Choose images…').setInputFiles([
    { name: 'river-at-dawn.png', mimeType: 'image/png', buffer: png },
    { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  ]);
  await expect(page.getByText('SVG images are not accepted')).toBeVisible();
  await page.getByRole('link', { name: 'Add alt text and focal point for river-at-dawn.png' }).click();

  await page.getByLabel('Alt text', { exact: false }).fill('The Kok river at dawn, seen from the bridge');
  await page.getByLabel('Credit').fill('Staff photographer');
  const picker = page.getByRole('button', { name: 'Set the focal point' });
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.9, y: box.height * 0.5 } });
  await expect(page.getByText(/Now at 9\d% across, 5\d% down/)).toBeVisible();
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The library shows the new 16:9 crop, cut around the chosen point, served for a year.
  await page.goto('/admin/media?q=river-at-dawn');
  const thumb = page.getByRole('img', { name: 'The Kok river at dawn, seen from the bridge' });
  const src = (await thumb.getAttribute('src'))!;
  expect(src).toMatch(/-wide-(89|90|91)x(49|50|51)-\d+\.webp$/);
  const response = await page.request.get(src);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/webp');
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await page.request.get('/media/../../etc/passwd')).status()).toBe(404);
});

test('curating the lead story and the breaking bar shows on the reader home at once', async ({ page, browser }) => {
  await signIn(page, 'editor');
  await page.goto('/admin/home');
  const candidates = page.getByRole('region', { name: 'Published stories' });
  const pick = candidates.getByRole('listitem').nth(6);
  const headline = (await pick.locator('span').first().textContent())!.trim();
  await pick.getByRole('button', { name: /^Make lead/ }).click();
  await page.getByRole('button', { name: 'Save home page' }).click();
  await expect(page.getByText('The home page is updated for readers now.')).toBeVisible();

  await page.getByLabel('Breaking news line').fill('Breaking: the Kok river is rising in Chiang Rai city');
  await page.getByLabel('Show for').selectOption('15');
  await page.getByRole('button', { name: 'Put up breaking bar' }).click();
  await expect(page.getByText(/The breaking bar is up until/)).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto('/');
  const top = reader.getByRole('region', { name: 'Top stories' });
  await expect(top.getByRole('heading', { level: 3 }).first()).toHaveText(headline);
  await expect(reader.getByRole('heading', { level: 3, name: headline, exact: true })).toHaveCount(1);
  await expect(reader.getByText('Breaking: the Kok river is rising in Chiang Rai city')).toBeVisible();

  await page.reload();
  await page.getByRole('button', { name: 'Take the bar down' }).click();
  await expect(page.getByText('The breaking bar is down.')).toBeVisible();
  await reader.reload();
  await expect(reader.getByText('Breaking: the Kok river is rising in Chiang Rai city')).toHaveCount(0);
  await reader.close();
});

test('authors cannot open the curation, settings or trash pages', async ({ page }) => {
  await signIn(page, 'author');
  for (const path of ['/admin/home', '/admin/settings', '/admin/trash', '/admin/sections']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\?denied=1$/);
  }
  const refused = await page.request.post('/api/admin/media', { headers: { origin: 'https://evil.example' }, multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } } });
  expect(refused.status()).toBe(403);
});
