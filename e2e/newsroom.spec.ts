import { expect, test, type Page } from '@playwright/test';
import { E2E_ACCOUNTS } from './accounts';
import { bodyEditor, signIn, typeSampleBody } from './newsroom-helpers';

async function writeArticle(page: Page, headline: string): Promise<string> {
  await page.goto('/admin/articles/new');
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Standfirst').fill('A standfirst written in the end-to-end test.');
  await typeSampleBody(page);
  await page.getByLabel('Section', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  return page.url().replace(/\?.*$/, '');
}

async function readerStatus(page: Page, path: string): Promise<number> {
  const response = await page.request.get(path, { maxRedirects: 0 });
  return response.status();
}

test('a wrong password keeps the address and says nothing about which part was wrong', async ({ page }) => {
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(E2E_ACCOUNTS.editor.email);
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match an active account' })).toBeVisible();
  await expect(page.getByLabel('E-mail address')).toHaveValue(E2E_ACCOUNTS.editor.email);
});

test('author writes and submits; editor previews and publishes; staged edits wait; unpublishing answers 410', async ({ browser }) => {
  test.setTimeout(180_000);
  const author = await signIn(browser, E2E_ACCOUNTS.author);
  const headline = `Lantern makers keep an old craft alive ${Date.now()}`;
  const editUrl = await writeArticle(author, headline);
  // A form error keeps everything typed.
  await author.getByLabel('Headline').fill('');
  await author.getByRole('button', { name: 'Save' }).click();
  await expect(author.getByText('Enter a headline.')).toBeVisible();
  await expect(await bodyEditor(author)).toContainText('A second paragraph with bold words.');
  await expect((await bodyEditor(author)).locator('h2')).toHaveText('A heading');
  await expect((await bodyEditor(author)).locator('strong')).toHaveText('bold');
  await author.getByLabel('Headline').fill(headline);
  await author.getByRole('button', { name: 'Save' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await author.getByRole('button', { name: 'Submit for review' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'submitted' })).toBeVisible();
  await expect(author.getByRole('button', { name: 'Publish now' })).toHaveCount(0);

  const editor = await signIn(browser, E2E_ACCOUNTS.editor);
  await editor.goto(editUrl);
  const preview = await editor.request.get(editUrl.replace(/\/admin\/articles\//, '/preview/'));
  expect(preview.status()).toBe(200);
  expect(await preview.text()).toContain(headline);
  expect(preview.headers()['cache-control']).toContain('no-store');
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(editUrl.replace(/\/admin\/articles\//, '/preview/'), { maxRedirects: 0 })).status()).toBe(307);

  await editor.getByRole('button', { name: 'Approve' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'approved' })).toBeVisible();
  await editor.getByRole('button', { name: 'Publish now' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Article published.' })).toBeVisible();
  const path = (await editor.getByRole('link', { name: 'View live article' }).getAttribute('href'))!;
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(path);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: headline }).first()).toBeVisible();

  // A staged edit with a new headline and slug: readers keep the published copy until it is published.
  const newHeadline = `${headline} (updated)`;
  await editor.getByLabel('Headline').fill(newHeadline);
  await editor.getByLabel('Slug').fill(`lantern-makers-updated-${Date.now()}`);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'staged edit' })).toBeVisible();
  await reader.goto(path);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  await editor.getByRole('button', { name: 'Publish staged edit' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Article published.' })).toBeVisible();
  const newPath = (await editor.getByRole('link', { name: 'View live article' }).getAttribute('href'))!;
  expect(newPath).not.toBe(path);
  const moved = await reader.request.get(path, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toContain(newPath);
  await reader.goto(newPath);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(newHeadline);

  await editor.getByRole('button', { name: 'Unpublish' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Article unpublished.' })).toBeVisible();
  expect(await readerStatus(reader, newPath)).toBe(410);
});

test('a story scheduled a minute ahead appears on the home page without a restart', async ({ browser }) => {
  test.setTimeout(240_000);
  const editor = await signIn(browser, E2E_ACCOUNTS.editor);
  const headline = `Night market reopens after the rains ${Date.now()}`;
  await writeArticle(editor, headline);
  const at = new Date(Date.now() + 90_000);
  const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await editor.getByLabel('Publish at (your local time)').fill(local);
  await editor.getByRole('button', { name: 'Schedule' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'scheduled' })).toBeVisible();
  const reader = await (await browser.newContext()).newPage();
  await reader.goto('/');
  await expect(reader.getByRole('link', { name: headline })).toHaveCount(0);
  await expect(async () => {
    await reader.goto('/');
    await expect(reader.getByRole('link', { name: headline }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 150_000, intervals: [5_000] });
});
