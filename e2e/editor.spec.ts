import { expect, test, type Page } from '@playwright/test';
import { E2E_ACCOUNTS } from './accounts';
import { bodyEditor, signIn, typeAtEnd, typeSampleBody } from './newsroom-helpers';

const AUTOSAVE = '**/api/admin/articles/*/autosave';

/** Creates a draft through the form and returns its edit URL. */
async function newDraft(page: Page, headline: string): Promise<string> {
  await page.goto('/admin/articles/new');
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Standfirst').fill('Written by the editor end-to-end test.');
  await typeSampleBody(page);
  await page.getByLabel('Section', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  return page.url().replace(/\?.*$/, '');
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save', exact: true }).click();
}

/** Saves and waits for the page to come back with the new version (the old "Saved." notice is still on screen until then). */
async function saveAndWait(page: Page): Promise<void> {
  const version = page.locator('input[name="baseVersion"]');
  const before = await version.inputValue();
  await save(page);
  await expect(version).not.toHaveValue(before, { timeout: 30_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
}

/** The body as readers will get it, from the staff preview. */
async function previewBody(page: Page, editUrl: string): Promise<string> {
  const response = await page.request.get(editUrl.replace('/admin/articles/', '/preview/'));
  expect(response.status()).toBe(200);
  const html = await response.text();
  return html.slice(html.indexOf('article-body'));
}

/** Pastes HTML into the editor the way the browser delivers a paste from another application. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((fragment) => {
    const target = document.querySelector('#body-editor')!;
    const data = new DataTransfer();
    data.setData('text/html', fragment);
    data.setData('text/plain', fragment.replace(/<[^>]*>/g, ''));
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

test('text typed while the network is down survives a reload and is restored character for character', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signIn(browser, E2E_ACCOUNTS.editor);
  const editUrl = await newDraft(page, `Outage drill ${Date.now()}`);
  await typeAtEnd(page, ' Typed before the cut.');
  await expect(page.getByTestId('autosave-status')).toContainText('Draft autosaved');

  await page.route(AUTOSAVE, (route) => route.abort('internetdisconnected'));
  const during = ' Typed during the outage — naïve café, ภาษาไทย, 1,234 “quotes” & <angles>.';
  await typeAtEnd(page, during);
  await expect(page.getByTestId('autosave-status')).toContainText('kept on this device', { timeout: 15_000 });
  await typeAtEnd(page, ' Last words before the tab closes');
  // The page goes away with the autosave endpoint still unreachable: only this device has the text.
  await page.reload();

  await expect(page.getByRole('heading', { name: /Unsaved changes from/ })).toBeVisible();
  await page.getByRole('button', { name: 'Restore unsaved changes' }).click();
  const expected = `A second paragraph with bold words. Typed before the cut.${during} Last words before the tab closes`;
  await expect((await bodyEditor(page)).locator('p').last()).toHaveText(expected);

  await page.unroute(AUTOSAVE);
  await saveAndWait(page);
  await expect((await bodyEditor(page)).locator('p').last()).toHaveText(expected);
  await expect(page.getByRole('heading', { name: /Unsaved changes from/ })).toHaveCount(0);
  expect(await previewBody(page, editUrl)).toContain('naïve café, ภาษาไทย, 1,234 “quotes” &amp; &lt;angles&gt;.');
});

test('a second editor saving an older version is shown the difference and chooses, nothing lost', async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await signIn(browser, E2E_ACCOUNTS.editor);
  const editUrl = await newDraft(first, `Two editors ${Date.now()}`);
  const second = await signIn(browser, E2E_ACCOUNTS.admin);
  await second.goto(editUrl);
  await bodyEditor(second);

  await typeAtEnd(first, ' The first editor’s sentence.');
  await saveAndWait(first);

  await typeAtEnd(second, ' The second editor’s sentence.');
  await save(second);
  const panel = second.getByRole('alert').filter({ hasText: 'Someone else saved this article' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('dd del')).toContainText('The first editor’s sentence.');
  await expect(panel.locator('dd ins')).toContainText('The second editor’s sentence.');
  // Nothing was overwritten: the stored copy is still the first editor's.
  expect(await previewBody(second, editUrl)).toContain('The first editor’s sentence.');

  const version = second.locator('input[name="baseVersion"]');
  const before = await version.inputValue();
  await second.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
  await expect(version).not.toHaveValue(before, { timeout: 30_000 });
  await expect(second.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const stored = await previewBody(second, editUrl);
  expect(stored).toContain('The second editor’s sentence.');
  expect(stored).not.toContain('The first editor’s sentence.');
});

test('taking the other version keeps mine on screen to copy', async ({ browser }) => {
  test.setTimeout(120_000);
  const first = await signIn(browser, E2E_ACCOUNTS.editor);
  const editUrl = await newDraft(first, `Take theirs ${Date.now()}`);
  const second = await signIn(browser, E2E_ACCOUNTS.admin);
  await second.goto(editUrl);
  await typeAtEnd(first, ' Theirs.');
  await saveAndWait(first);
  await typeAtEnd(second, ' Mine.');
  await save(second);
  await second.getByRole('button', { name: 'Take theirs' }).click();
  await expect((await bodyEditor(second)).locator('p').last()).toHaveText('A second paragraph with bold words. Theirs.');
  await expect(second.getByRole('alert').filter({ hasText: 'You took the saved version' }).locator('dd ins')).toContainText('Mine.');
  await saveAndWait(second);
});

test('a paste from Word or Google Docs keeps its structure and loses its markup', async ({ browser }) => {
  const page = await signIn(browser, E2E_ACCOUNTS.editor);
  const editUrl = await newDraft(page, `Pasted from Word ${Date.now()}`);
  const body = await bodyEditor(page);
  await typeAtEnd(page, '');
  await page.keyboard.press('Enter');
  await pasteHtml(
    page,
    `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment-->
<h1 class=MsoTitle style='color:red'><span lang=EN-US>Council votes on the bridge<o:p></o:p></span></h1>
<p class=MsoNormal style='font-family:Calibri'>The vote was <b>close</b> and <i>bitter</i>, says <a href="https://example.org/report" class="MsoHyperlink" style="color:blue">the report</a>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Seven in favour<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Four against<o:p></o:p></p>
<b style="font-weight:normal" id="docs-internal-guid-42"><p dir="ltr"><span style="font-weight:700">Docs bold</span><span style="font-weight:400"> and </span><span style="font-style:italic">Docs italic</span></p></b>
<!--EndFragment--></body></html>`,
  );
  await expect(body.locator('h2')).toContainText(['A heading', 'Council votes on the bridge']);
  await expect(body.locator('ul > li')).toHaveText(['Seven in favour', 'Four against']);
  await expect(body.locator('a[href="https://example.org/report"]')).toHaveText('the report');
  await expect(body.locator('strong')).toContainText(['bold', 'close', 'Docs bold']);
  await expect(body.locator('em')).toContainText(['bitter', 'Docs italic']);
  expect(await body.locator('[class]:not([class^="ProseMirror"]), [style], span, font').count()).toBe(0);
  await expect(body).not.toContainText('·');

  await saveAndWait(page);
  const stored = await previewBody(page, editUrl);
  expect(stored).toMatch(/<h2[^>]*>Council votes on the bridge<\/h2>/);
  expect(stored).toMatch(/<li[^>]*>(<span>)?Seven in favour/);
  expect(stored).not.toMatch(/Mso|mso-|font-weight/);
});

test('hostile pasted HTML loses its scripts, event handlers and javascript: links', async ({ browser }) => {
  const page = await signIn(browser, E2E_ACCOUNTS.editor);
  const editUrl = await newDraft(page, `Hostile paste ${Date.now()}`);
  const body = await bodyEditor(page);
  await typeAtEnd(page, '');
  await page.keyboard.press('Enter');
  await pasteHtml(
    page,
    `<p onclick="window.__pwned='onclick'">Safe words <a href="javascript:window.__pwned='link'">dangerous link</a>
     <a href=" JaVaScRiPt:alert(1)">second</a> <a href="data:text/html,<script>alert(1)</script>">third</a></p>
     <img src="x" onerror="window.__pwned='onerror'"><script>window.__pwned='script'</script>
     <iframe src="https://evil.example/"></iframe><svg onload="window.__pwned='svg'"></svg>
     <p style="background:url(javascript:alert(1))">After the junk</p>`,
  );
  await expect(body).toContainText('Safe words dangerous link');
  await expect(body).toContainText('After the junk');
  const html = await body.innerHTML();
  expect(html).not.toMatch(/javascript:|onerror|onclick|onload|<script|<img|<iframe|<svg|data:text/i);
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(body.locator('a')).toHaveCount(0);

  await saveAndWait(page);
  const stored = await previewBody(page, editUrl);
  expect(stored).toContain('Safe words dangerous link');
  expect(stored).not.toMatch(/javascript:|onerror|onclick/i);
});

test('the toolbar is one tab stop with arrow keys, pressed states and named shortcuts; word count is live', async ({ browser }) => {
  const page = await signIn(browser, E2E_ACCOUNTS.editor);
  await page.goto('/admin/articles/new');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar).toBeVisible();
  const body = await bodyEditor(page);
  await body.click();
  await page.keyboard.type('One two three four five.');
  await expect(page.getByTestId('word-count')).toHaveText('5 words · 1 min read');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('ControlOrMeta+b');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
  await expect(toolbar.getByRole('button', { name: 'Italic' })).toHaveAttribute('aria-pressed', 'false');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-keyshortcuts', 'Control+B');
  const tabStops = await toolbar.locator('button[tabindex="0"]').count();
  expect(tabStops).toBe(1);
  await toolbar.locator('button[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Redo' })).toBeFocused();
  await expect(page.getByTestId('autosave-status')).toBeVisible();
});

test('static pages are written in the same editor and keep the same structure', async ({ browser }) => {
  const page = await signIn(browser, E2E_ACCOUNTS.editor);
  await page.goto('/admin/pages');
  const slug = `editor-page-${Date.now()}`;
  await page.getByLabel('Title').fill('About the editor');
  await page.getByLabel('Slug').fill(slug);
  await typeSampleBody(page);
  await page.getByRole('button', { name: 'Create page' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Page saved.' })).toBeVisible();
  await expect((await bodyEditor(page)).locator('h2')).toHaveText('A heading');
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/${slug}`);
  await expect(reader.locator('h2', { hasText: 'A heading' })).toBeVisible();
  await expect(reader.locator('strong', { hasText: 'bold' })).toBeVisible();
});

test('without JavaScript the body is a textarea in the text notation, holding the stored body', async ({ browser }) => {
  const page = await signIn(browser, E2E_ACCOUNTS.editor);
  const editUrl = await newDraft(page, `No script ${Date.now()}`);
  const html = await (await page.request.get(editUrl)).text();
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? '';
  expect(noscript).toMatch(/<textarea[^>]*name="body"/);
  expect(noscript).toContain('## A heading');
  expect(noscript).toContain('**bold**');
});
