/** Helpers for specs that work in the newsroom: signing in and writing in the rich body editor. */
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './accounts';

export async function signIn(browser: Browser, account: { email: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  return page;
}

/** The body editor, once it has loaded and can take input. */
export async function bodyEditor(page: Page): Promise<Locator> {
  // The editor's code loads after the page; a busy machine can take a while.
  await expect(page.locator('[data-editor-ready]')).toHaveCount(1, { timeout: 20_000 });
  return page.getByRole('textbox', { name: 'Body' });
}

/** Types at the end of the body, as a writer would (the editor's shortcuts and input rules apply). */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  const body = await bodyEditor(page);
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text, { delay: 15 });
}

/** A short body with a heading and a bold word, typed with the editor's keyboard shortcuts. */
export async function typeSampleBody(page: Page): Promise<void> {
  const body = await bodyEditor(page);
  await body.click();
  // At a (fast) typist's pace, and each block change seen before typing on: on a loaded machine,
  // keys sent back to back right after a block changes type can arrive out of order (ADR 011).
  const type = (text: string) => page.keyboard.type(text, { delay: 15 });
  const settle = () => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
  await type('The first paragraph of the story.');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Alt+2');
  await expect(body.locator('h2')).toHaveCount(1);
  await settle();
  await type('A heading');
  await expect(body.locator('h2')).toHaveText('A heading');
  await page.keyboard.press('Enter');
  await settle();
  await type('A second paragraph with ');
  await page.keyboard.press('ControlOrMeta+b');
  await type('bold');
  await page.keyboard.press('ControlOrMeta+b');
  await type(' words.');
}
