/**
 * Stored and reflected XSS in a real browser (issue 13). The newsroom stores the payloads of
 * lib/testing/xss-corpus.ts through its own forms (article, byline profile, tag, static page,
 * footer); then reader pages, the preview, feeds, sitemaps and newsroom lists are opened. No
 * dialog may open, no CSP violation may be reported (injected code would cause one), and the HTML
 * the server sent may hold no script but ours, no on* attribute, no script URL and no frame.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test, type Browser, type BrowserContext, type Page, type Response } from '@playwright/test';
import type { Element } from 'domhandler';
import { THEME_SNIPPET } from '../lib/theme-snippet';
import { findExecutable, fitted, XSS_CORPUS } from '../lib/testing/xss-corpus';
import type { Block, Body } from '../lib/validation/body';
import { bodyToText as articleBodyToText, textToBody as articleTextToBody } from '../lib/validation/body-text';
import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts';

const stamp = Date.now();
const payloads = XSS_CORPUS.map((c) => c.payload);
/** A compact selection for short fields: one payload per class, joined. */
const short = [...new Map(XSS_CORPUS.map((c) => [c.class, c.payload])).values()].join(' ');
/** Cut to fit a field of `max` characters, with room for browsers sending line breaks as CRLF. */
const room = (text: string, max: number) => fitted(text, max - 100);
/** Payloads that fit a comma-separated list (the tags field). */
const listable = payloads.filter((p) => !p.includes(',') && p.trim().length > 2 && p.length <= 70).slice(0, 6);

/**
 * A body in a newsroom textarea notation (articles and pages have one each): every payload as a
 * paragraph and as an HTML block. A block the form would refuse (a `javascript:` link in the
 * Markdown-like notation) is left out; lib/xss.test.ts covers that refusal. Returns the text and
 * how many HTML blocks made it in.
 */
function bodyIn(toText: (body: Body) => string, parses: (text: string) => boolean): { text: string; htmlBlocks: number } {
  const blocks: Block[] = [{ type: 'paragraph', content: [{ text: `Body ${stamp}` }] }];
  for (const [i, payload] of payloads.entries()) {
    const candidates: Block[] = [
      { type: 'paragraph', content: [{ text: payload.replace(/\n/g, ' ') }] },
      { type: 'html', html: `<p>kept ${i}</p>${payload}` },
    ];
    for (const block of candidates) {
      blocks.push(block);
      if (!parses(toText({ blocks }))) blocks.pop();
    }
  }
  return { text: toText({ blocks }), htmlBlocks: blocks.filter((b) => b.type === 'html').length };
}

const articleBody = bodyIn(articleBodyToText, (text) => {
  try {
    articleTextToBody(text);
    return true;
  } catch {
    return false;
  }
});
/** Static pages take the same notation as articles. */
const pageBody = articleBody;

/** Our own scripts on reader pages: the enhancement module, JSON-LD (skipped by findExecutable), the theme snippet. */
const readerScripts = [(el: Element) => /^\/enhance\.js/.test(el.attribs.src ?? ''), (el: Element) => el.children.map((c) => ('data' in c ? c.data : '')).join('') === THEME_SNIPPET];

function injected(html: string, nonce?: string): string[] {
  const allowed = nonce ? [(el: Element) => el.attribs.nonce === nonce] : readerScripts;
  return findExecutable(html, { allowedScripts: allowed }).map((f) => `<${f.element}> ${f.problem}`);
}

interface Watch {
  dialogs: string[];
  violations(): Promise<string[]>;
}

/** Records dialogs and CSP violations on `page` from its first script on. */
async function watch(context: BrowserContext, page: Page): Promise<Watch> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`));
  });
  return { dialogs, violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations ?? []) };
}

async function signIn(browser: Browser): Promise<{ context: BrowserContext; page: Page; watcher: Watch }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watcher = await watch(context, page);
  await page.goto('/admin/login');
  await page.getByLabel('E-mail address').fill(E2E_ACCOUNTS.admin.email);
  await page.getByLabel('Password').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  return { context, page, watcher };
}

/** Opens `path`, lets it settle, and returns what is wrong with it. */
async function visit(page: Page, watcher: Watch, path: string, { admin = false } = {}): Promise<string[]> {
  const response = (await page.goto(path, { waitUntil: 'load' })) as Response;
  expect(response.status(), path).toBeLessThan(400);
  // Give handlers (onload, onerror, animations, autofocus) time to fire.
  await page.waitForTimeout(300);
  const html = await response.text();
  const nonce = admin ? /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] : undefined;
  if (admin) expect(nonce, `${path} has a nonce CSP`).toBeTruthy();
  const problems = [...injected(html, nonce), ...(await watcher.violations()).map((v) => `CSP violation: ${v}`)];
  // The live DOM too: nothing the page's own scripts might have built from the payloads.
  const live = await page.evaluate(() =>
    [...document.querySelectorAll('*')].flatMap((el) => [
      ...[...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
      ...(el.matches('iframe[srcdoc], object, embed, base, meta[http-equiv="refresh" i]') ? [`${el.tagName} element`] : []),
      ...(/^\s*(javascript|vbscript|data):/i.test(el.getAttribute('href') ?? '') ? [`${el.tagName} href`] : []),
    ]),
  );
  return [...problems, ...live].map((p) => `${path}: ${p}`);
}

test.describe.configure({ mode: 'serial', timeout: 540_000 });

test('payloads stored through the newsroom never run on reader pages, the preview, feeds or newsroom lists', async ({ browser }) => {
  // Every payload reaches the server at least inside an HTML block, in both notations.
  expect(articleBody.htmlBlocks).toBe(payloads.length);
  expect(pageBody.htmlBlocks).toBe(payloads.length);
  const { context, page, watcher } = await signIn(browser);
  const problems: string[] = [];

  // A byline profile.
  await page.goto('/admin/people');
  const personName = `Reporter ${stamp} ${fitted(short, 80)}`.slice(0, 120);
  const personSlug = `xss-reporter-${stamp}`;
  await page.getByLabel('Name', { exact: true }).fill(personName);
  await page.getByLabel('Slug').fill(personSlug);
  await page.getByLabel('Job title').fill(fitted(short, 120));
  await page.getByLabel('Biography').fill(room(payloads.join('\n'), 3000));
  await page.getByRole('button', { name: 'Create profile' }).click();
  await page.waitForURL(/\/admin\/people\/\d+\?saved=1/);

  // A tag of its own.
  await page.goto('/admin/tags');
  const tagSlug = `xss-tag-${stamp}`;
  await page.getByLabel('Name', { exact: true }).fill(`Tag ${stamp} ${fitted(short, 60)}`.slice(0, 80));
  await page.getByLabel('Slug').fill(tagSlug);
  await page.getByLabel('Description').fill(room(payloads.join(' '), 500));
  await page.getByRole('button', { name: 'Create tag' }).click();
  await page.waitForURL(/\/admin\/tags\?created=1/);

  // The page and the article are written without JavaScript: their body is then the textarea
  // notation, the only way a writer can store raw HTML blocks (the rich editor has no HTML input).
  const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const writer = await noScript.newPage();

  // A static page.
  await writer.goto('/admin/pages');
  const pageSlug = `xss-page-${stamp}`;
  await writer.getByLabel('Title').fill(`Page ${stamp} ${fitted(short, 150)}`.slice(0, 200));
  await writer.getByLabel('Slug').fill(pageSlug);
  await writer.getByLabel('Body').fill(pageBody.text);
  await writer.getByRole('button', { name: 'Create page' }).click();
  await writer.waitForURL(/\/admin\/pages\/\d+\?saved=1/);

  // The article: every text field, the body, tags (created from their names) and the byline.
  await writer.goto('/admin/articles/new');
  const headline = `Headline ${stamp} ${short}`.slice(0, 300);
  await writer.getByLabel('Headline').fill(headline);
  await writer.getByLabel('Standfirst').fill(room(payloads.join(' '), 600));
  await writer.getByLabel('Body').fill(articleBody.text);
  await writer.getByLabel('Section', { exact: true }).selectOption({ index: 1 });
  await writer.getByLabel('Tags').fill(listable.join(', '));
  await writer.getByLabel('Byline 1').selectOption({ label: personName.trim() });
  await writer.getByLabel('SEO title').fill(fitted(short, 120));
  await writer.getByLabel('SEO description').fill(room(payloads.join(' '), 320));
  await writer.getByLabel('Correction note').fill(room(payloads.join(' '), 2000));
  await writer.getByRole('button', { name: 'Create draft' }).click();
  await expect(writer.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  const articleId = /\/admin\/articles\/(\d+)/.exec(writer.url())![1]!;
  await noScript.close();
  problems.push(...(await visit(page, watcher, `/admin/articles/${articleId}`, { admin: true })));
  problems.push(...(await visit(page, watcher, `/preview/${articleId}`)));
  await page.goto(`/admin/articles/${articleId}`);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Article published.' })).toBeVisible();
  const articlePath = (await page.getByRole('link', { name: 'View live article' }).getAttribute('href'))!;
  const sectionPath = articlePath.split('/').slice(0, 2).join('/');

  // Newsroom lists and editors.
  for (const path of ['/admin/articles', `/admin/articles?q=${encodeURIComponent(short.slice(0, 100))}`, '/admin/media', '/admin/people', '/admin/tags', '/admin/pages', '/admin/trash', '/admin/home', '/admin'])
    problems.push(...(await visit(page, watcher, path, { admin: true })));

  // Reader pages, signed out, so they come from the shared cache as readers get them.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  const readerWatch = await watch(reader, readerPage);
  const readerPaths = [
    articlePath,
    sectionPath,
    `/tag/${tagSlug}`,
    `/author/${personSlug}`,
    `/${pageSlug}`,
    '/',
    `/search?q=${encodeURIComponent(headline.slice(0, 200))}`,
    ...XSS_CORPUS.filter((_, i) => i % 4 === 0).map((c) => `/search?q=${encodeURIComponent(c.payload)}`),
    `/search?q=${encodeURIComponent('"><svg onload=alert(1)>')}&from=${encodeURIComponent('"><script>alert(1)</script>')}&section=${encodeURIComponent('<x onclick=alert(1)>')}`,
  ];
  const tagLinks = await readerPage.goto(articlePath).then(() => readerPage.locator('a[rel="tag"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!)));
  expect(tagLinks.length).toBeGreaterThan(0);
  for (const path of [...readerPaths, ...tagLinks]) problems.push(...(await visit(readerPage, readerWatch, path)));

  // Feeds and sitemaps: well-formed XML whose HTML is inert.
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry'].includes(name) });
  // Feeds that must list the article: its section's, its byline's and its tags'.
  const listing = [`${sectionPath}/feed.xml`, `/author/${personSlug}/feed.xml`, `/author/${personSlug}/atom.xml`, ...tagLinks.map((t) => `${t}/feed.xml`)];
  for (const path of ['/feed.xml', '/atom.xml', `/tag/${tagSlug}/feed.xml`, ...listing, '/sitemap.xml', '/news-sitemap.xml']) {
    const response = await reader.request.get(path);
    expect(response.status(), path).toBe(200);
    const xml = await response.text();
    expect(XMLValidator.validate(xml), path).toBe(true);
    const doc = parser.parse(xml);
    const items: Record<string, unknown>[] = doc.rss?.channel?.item ?? doc.feed?.entry ?? [];
    for (const item of items) {
      const content = item['content:encoded'] ?? item.description ?? (item.content as Record<string, unknown> | undefined)?.['#text'] ?? item.summary;
      if (typeof content === 'string') problems.push(...injected(content).map((p) => `${path}: ${p}`));
    }
    if (listing.includes(path)) expect(xml, path).toContain(`Headline ${stamp}`);
  }
  const sitemaps = [...(await (await reader.request.get('/sitemap.xml')).text()).matchAll(/<loc>[^<]*(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
  for (const path of sitemaps) expect(XMLValidator.validate(await (await reader.request.get(path)).text()), path).toBe(true);

  expect([...watcher.dialogs, ...readerWatch.dialogs]).toEqual([]);
  expect(problems).toEqual([]);
  await reader.close();
  await context.close();
});

test('the footer and tagline carry payloads to every reader page without running them', async ({ browser }) => {
  const { context, page, watcher } = await signIn(browser);
  await page.goto('/admin/settings');
  const footer = page.getByLabel('Footer text');
  const tagline = page.getByLabel('Tagline');
  const before = { footer: await footer.inputValue(), tagline: await tagline.inputValue() };
  const save = async (values: { footer: string; tagline: string }) => {
    await footer.fill(values.footer);
    await tagline.fill(values.tagline);
    await page.getByRole('button', { name: /^Save/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved' })).toBeVisible();
  };
  try {
    await save({ footer: room(payloads.join(' '), 1000), tagline: fitted(short, 200) });
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    const readerWatch = await watch(reader, readerPage);
    const problems: string[] = [];
    for (const path of ['/', '/search?q=x', '/no-such-page-xss']) {
      const response = await readerPage.goto(path);
      await readerPage.waitForTimeout(300);
      problems.push(...injected(await response!.text()).map((p) => `${path}: ${p}`), ...(await readerWatch.violations()));
    }
    problems.push(...(await visit(page, watcher, '/admin/settings', { admin: true })));
    expect(readerWatch.dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await reader.close();
  } finally {
    await save(before);
    await context.close();
  }
});

test('reader pages and the newsroom send the headers that keep injected code and frames out', async ({ request, browser }) => {
  const reader = await request.get('/');
  const csp = reader.headers()['content-security-policy']!;
  expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(reader.headers()['x-frame-options']).toBe('DENY');
  // SITE_URL is http in the e2e server and no proxy is trusted: no HSTS, whatever the client claims.
  expect((await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers()['strict-transport-security']).toBeUndefined();

  const { context, page } = await signIn(browser);
  const admin = (await page.goto('/admin/articles'))!;
  const adminCsp = admin.headers()['content-security-policy']!;
  const nonce = /'nonce-([^']+)'/.exec(adminCsp)?.[1];
  expect(nonce).toBeTruthy();
  expect(admin.headers()['x-frame-options']).toBe('DENY');
  expect(adminCsp).toContain("frame-ancestors 'none'");
  // Every script Next sent carries this response's nonce.
  const html = await admin.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
  const again = (await page.goto('/admin/articles'))!;
  expect(/'nonce-([^']+)'/.exec(again.headers()['content-security-policy']!)?.[1]).not.toBe(nonce);

  // A page on another origin cannot frame the newsroom.
  const framer = await context.newPage();
  await framer.setContent(`<iframe src="${new URL('/admin/articles', page.url()).href}"></iframe>`);
  await framer.waitForTimeout(1000);
  const framed = framer.frames().find((f) => f !== framer.mainFrame());
  // Chromium replaces a refused frame with its own error document.
  expect(framed?.url() ?? '').not.toContain('/admin/articles');
  await context.close();
});
