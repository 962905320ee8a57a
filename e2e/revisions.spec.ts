import { expect, test, type Page } from '@playwright/test';
import { E2E_ACCOUNTS } from './accounts';
import { bodyEditor, signIn } from './newsroom-helpers';

const ORIGINAL = 'Thousands lined the river banks.';
const EDITED = 'Tens of thousands lined the river banks, police said.';

/** What the working copy says, read from the staff preview (independent of the editor widget). */
async function previewText(page: Page, id: string): Promise<string> {
  const response = await page.request.get(`/preview/${id}`);
  expect(response.status()).toBe(200);
  return response.text();
}

/**
 * Replaces a paragraph in the rich body editor, as a writer would: select it, type over it, save.
 * The "Saved" notice is already on the page from creating the draft, so the save is awaited
 * through the preview instead.
 */
async function replaceInBody(page: Page, id: string, from: string, to: string): Promise<void> {
  const body = await bodyEditor(page);
  await body.locator('p', { hasText: from }).click({ clickCount: 3 });
  await page.keyboard.type(to);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => previewText(page, id), { timeout: 15_000 }).toContain(to);
}

test('a revision diff shows the changed sentence, restore brings it back, and the audit log lists both', async ({ browser }) => {
  test.setTimeout(120_000);
  const author = await signIn(browser, E2E_ACCOUNTS.author);
  const headline = `Lantern parade crowds ${Date.now()}`;
  await author.goto('/admin/articles/new');
  await author.getByLabel('Headline').fill(headline);
  await author.getByLabel('Standfirst').fill('The river festival opens.');
  await (await bodyEditor(author)).click();
  for (const [i, paragraph] of ['The lanterns went up at dusk.', ORIGINAL, 'The parade ends on Sunday.'].entries()) {
    if (i) await author.keyboard.press('Enter');
    await author.keyboard.type(paragraph);
  }
  await author.getByLabel('Section', { exact: true }).selectOption({ index: 1 });
  await author.getByRole('button', { name: 'Create draft' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const id = /\/admin\/articles\/(\d+)/.exec(author.url())![1]!;

  await replaceInBody(author, id, ORIGINAL, EDITED);
  await author.goto(`/admin/articles/${id}`);

  // The two newest revisions are compared by default: the changed sentence, word by word.
  await author.getByRole('link', { name: 'Revisions' }).click();
  await expect(author.getByRole('heading', { name: `Revisions of “${headline}”` })).toBeVisible();
  const diff = author.getByRole('region', { name: /Changes from version 1/ });
  await expect(diff.locator('del').filter({ hasText: 'Thousands' })).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: 'Tens of thousands' })).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: 'police said' })).toBeVisible();
  // Unchanged paragraphs are shown without marks.
  await expect(diff.getByText('The lanterns went up at dusk.')).toBeVisible();
  await expect(diff.locator('ins, del').filter({ hasText: 'lanterns' })).toHaveCount(0);

  // Restore asks first, then makes the old text a new version.
  await author.getByRole('link', { name: 'Restore version 1' }).click();
  await expect(author.getByRole('heading', { name: /Restore version 1/ })).toBeVisible();
  await author.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(author.getByRole('status').filter({ hasText: 'Restored as version 3' })).toBeVisible();
  await expect(author.getByRole('row').filter({ hasText: 'Restored' }).filter({ hasText: E2E_ACCOUNTS.author.name })).toHaveCount(1);
  const restored = await previewText(author, id);
  expect(restored).toContain(ORIGINAL);
  expect(restored).not.toContain('police said');

  // Another author cannot even see that the history exists.
  const other = await signIn(browser, E2E_ACCOUNTS.otherAuthor);
  expect((await other.goto(`/admin/articles/${id}/revisions`))!.status()).toBe(404);

  // The audit log (admins only) lists the save and the restore, with who did them.
  const admin = await signIn(browser, E2E_ACCOUNTS.admin);
  await admin.goto('/admin/audit');
  await admin.getByLabel('Who').selectOption({ label: E2E_ACCOUNTS.author.name });
  await admin.getByLabel('What kind').selectOption('article');
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin).toHaveURL(/entityType=article/);
  const rows = admin.getByRole('row').filter({ hasText: headline });
  await expect(rows.filter({ hasText: 'article.restore-revision' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'article.save' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'article.create' })).toHaveCount(1);
  await expect(rows.first()).toContainText(E2E_ACCOUNTS.author.name);
  // Its before/after summary shows the sentence as it was and as it became.
  const restoreRow = rows.filter({ hasText: 'article.restore-revision' });
  await restoreRow.getByText('Before and after').click();
  await expect(restoreRow.getByRole('row').filter({ hasText: 'body' })).toContainText(EDITED);
  await expect(restoreRow.getByRole('row').filter({ hasText: 'body' })).toContainText(ORIGINAL);

  // A filter that matches nothing says so.
  await admin.goto('/admin/audit?action=nothing.here');
  await expect(admin.getByText('No entries match these filters.')).toBeVisible();

  // Editors are sent away from the audit log.
  const editor = await signIn(browser, E2E_ACCOUNTS.editor);
  await editor.goto('/admin/audit');
  await expect(editor).toHaveURL(/\/admin\?denied=1/);
});
