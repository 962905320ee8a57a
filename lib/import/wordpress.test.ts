import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublishedArticle, listLatestArticles } from '../articles';
import { articleListQuerySchema, listArticlesForStaff } from '../article-list';
import { createTestActor } from '../testing/users';
import { searchArticles } from '../search';
import { parseSearchParams } from '../validation/search';
import { onInvalidate } from '../cache-tags';
import { db, write } from '../db';
import { bodySchema, type Block } from '../validation/body';
import { WxrValidationError } from './catalog';
import { importWordPress, shadowsOwnRoute, type ImportReport } from './wordpress';
import { WxrSyntaxError } from './wxr';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const mediaDir = () => process.env.MEDIA_DIR!;

/** A copy of wp-content/uploads: one real JPEG carrying EXIF, one text file named .jpg, a PDF. */
async function makeUploads(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'wp-uploads-'));
  mkdirSync(join(dir, '2024/05'), { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Secret camera serial 12345', Artist: 'Niran' } })
    .toFile(join(dir, '2024/05/harbour.jpg'));
  writeFileSync(join(dir, '2024/05/fake.jpg'), 'this is not a picture at all');
  writeFileSync(join(dir, '2024/05/budget.pdf'), '%PDF-1.4');
  return dir;
}

async function counts() {
  const client = db();
  const [articles, pages, sections, tags, people, users, media, redirects, bylines, articleTags] = await Promise.all([
    client.article.count(), client.page.count(), client.section.count(), client.tag.count(), client.person.count(),
    client.user.count(), client.media.count(), client.redirect.count(), client.articleByline.count(), client.articleTag.count(),
  ]);
  return { articles, pages, sections, tags, people, users, media, redirects, bylines, articleTags };
}

const article = (legacyId: number) =>
  db().article.findUniqueOrThrow({
    where: { legacyId },
    include: { bylines: { include: { person: true } }, tags: { include: { tag: true } }, sections: true, primarySection: true, topSection: true },
  });

const types = (blocks: Block[]) => blocks.map((b) => b.type);

describe('importWordPress', () => {
  let report: ImportReport;
  let uploads: string;
  const invalidated: string[] = [];
  let unsubscribe: () => void;

  beforeAll(async () => {
    uploads = await makeUploads();
    unsubscribe = onInvalidate((names) => invalidated.push(...names));
    report = await importWordPress({ file: fixture('newsroom.xml'), uploadsDir: uploads });
  });
  afterAll(() => unsubscribe());

  it('imports posts of every kept status, pages, sections, tags and authors, and says what it skipped', async () => {
    expect(report.created).toMatchObject({ articles: 10, pages: 4, sections: 5, tags: 2, people: 2, users: 2, media: 1 });
    expect(await counts()).toMatchObject({ articles: 10, pages: 4, sections: 5, tags: 2, people: 2, users: 2, media: 1 });
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.reason, s.count]));
    expect(reasons).toMatchObject({
      'in the WordPress trash': 1,
      'an empty auto-draft': 1,
      'post type "nav_menu_item" is not imported': 1,
      'attachment is not an image': 1,
    });
    expect(report.commentsSkipped).toBe(2);
    expect(await db().article.count({ where: { legacyId: { in: [207, 208] } } })).toBe(0);
    // The audit log records the run, with what it created.
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: 'import.wordpress' } });
    expect(entry.summary).toMatch(/created 10 articles, 4 pages, 5 sections/);
  });

  it('maps WordPress statuses to publication and editorial states', async () => {
    const states = await db().article.findMany({
      where: { legacyId: { in: [200, 203, 204, 205, 206] } },
      orderBy: { legacyId: 'asc' },
      select: { legacyId: true, publicationState: true, editorialState: true, publishedAt: true, scheduledAt: true },
    });
    expect(states).toEqual([
      { legacyId: 200, publicationState: 'published', editorialState: 'approved', publishedAt: new Date('2024-05-01T12:00:00Z'), scheduledAt: null },
      { legacyId: 203, publicationState: 'unpublished', editorialState: 'draft', publishedAt: null, scheduledAt: null },
      { legacyId: 204, publicationState: 'unpublished', editorialState: 'in_review', publishedAt: null, scheduledAt: null },
      { legacyId: 205, publicationState: 'scheduled', editorialState: 'approved', publishedAt: null, scheduledAt: new Date('2030-01-10T11:00:00Z') },
      { legacyId: 206, publicationState: 'unpublished', editorialState: 'draft', publishedAt: null, scheduledAt: null },
    ]);
    // Newsroom lists: the pending post waits for review, drafts are drafts.
    expect((await db().article.findMany({ where: { editorialState: 'in_review' }, select: { headline: true } })).map((a) => a.headline)).toEqual(['Waiting for the editor']);
  });

  it('converts classic content with wpautop paragraphs, [caption], [gallery], bare embeds, headings and lists', async () => {
    const a = await article(200);
    expect(a.headline).toBe('Election night: turnout & tension');
    expect(a.standfirst).toBe('Turnout was high & the count ran late.');
    const body = bodySchema.parse(a.body);
    expect(types(body.blocks)).toEqual(['paragraph', 'paragraph', 'image', 'embed', 'image', 'heading', 'list']);
    expect(body.blocks[0]).toEqual({
      type: 'paragraph',
      content: [{ text: 'Voters queued from early morning at ' }, { text: 'every', bold: true }, { text: ' polling station.\nOfficials said turnout was high.' }],
    });
    expect(body.blocks[1]).toMatchObject({ content: expect.arrayContaining([{ text: 'official results', href: 'https://example.org/results' }]) });
    expect(body.blocks[2]).toEqual({ type: 'image', mediaId: a.heroImageId, alt: 'Fishing boats in a harbour at sunrise', caption: 'Boats in the harbour before the vote', credit: 'Niran Photo' });
    expect(body.blocks[3]).toEqual({ type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
    expect(body.blocks[6]).toEqual({ type: 'list', ordered: false, items: [[{ text: 'Coalition talks' }], [{ text: 'A new cabinet' }]] });
    expect(a.wordCount).toBeGreaterThan(20);
  });

  it('gives the featured image with its alt text, caption and credit', async () => {
    const a = await article(200);
    expect(a).toMatchObject({ heroAlt: 'Fishing boats in a harbour at sunrise', heroCaption: 'Boats leave the harbour at dawn', heroCredit: 'Niran Photo' });
    const media = await db().media.findUniqueOrThrow({ where: { id: a.heroImageId! } });
    expect(media).toMatchObject({ legacyId: 100, mimeType: 'image/jpeg', width: 1200, height: 800, originalName: 'harbour.jpg' });
    expect(existsSync(join(mediaDir(), media.path))).toBe(true);
    for (const v of media.variants as { path: string }[]) expect(existsSync(join(mediaDir(), v.path))).toBe(true);
    const stored = await sharp(join(mediaDir(), media.path)).metadata();
    expect(stored.exif).toBeUndefined();
    // It went through the library's own pipeline: the 16:9 hero crops and the sharing image exist too.
    expect((media.variants as { crop?: string }[]).map((v) => v.crop)).toEqual(expect.arrayContaining(['wide', 'og']));
  });

  it('refuses files that are not images whatever their name, and lists missing ones', () => {
    expect(report.rejectedImages).toEqual([{ file: '2024/05/fake.jpg', reason: 'fake.jpg: this is not a JPEG, PNG, WebP, AVIF or GIF image.' }]);
    expect(report.missingImages).toEqual(['2024/05/market.jpg']);
  });

  it('converts Gutenberg blocks and folds a third-level category into its parent', async () => {
    const a = await article(201);
    const body = bodySchema.parse(a.body);
    expect(types(body.blocks)).toEqual(['paragraph', 'heading', 'list', 'quote', 'pullquote', 'image', 'image', 'paragraph', 'embed', 'rule', 'html']);
    expect(body.blocks[1]).toEqual({ type: 'heading', level: 3, text: 'The vote' });
    expect(body.blocks[2]).toEqual({ type: 'list', ordered: true, items: [[{ text: 'Dredging' }], [{ text: 'New ' }, { text: 'embankments', bold: true }]] });
    expect(body.blocks[3]).toEqual({ type: 'quote', content: [{ text: 'We cannot wait for the next flood.' }], cite: 'The mayor' });
    expect(body.blocks[4]).toEqual({ type: 'pullquote', text: 'The river is the city.', cite: 'A resident' });
    expect(body.blocks[5]).toMatchObject({ type: 'image', alt: 'The river at the harbour', caption: 'Where the river meets the harbour' });
    // The gallery's second picture was not in the uploads: its caption stays as text.
    expect(body.blocks[7]).toEqual({ type: 'paragraph', content: [{ text: 'Market day', italic: true }] });
    expect(body.blocks[8]).toEqual({ type: 'embed', url: 'https://vimeo.com/76979871', title: 'The debate in full' });
    expect(body.blocks[10]).toEqual({ type: 'html', html: '<figure><table><tbody><tr><td>For</td><td>21</td></tr><tr><td>Against</td><td>9</td></tr></tbody></table></figure>' });
    expect(a.primarySection.slug).toBe('politics');
    expect(a.topSection.slug).toBe('news');
    expect(a.bylines.map((b) => b.person.name)).toEqual(['สมชาย ใจดี']);
    expect(report.folded).toEqual([{ category: 'news/politics/local-politics', into: '/news/politics' }]);
    const note = report.notes.find((n) => n.item.includes('201'))!;
    expect(note.notes).toEqual(expect.arrayContaining(['dynamic block wp:latest-posts skipped (it has no saved content)', 'kept as HTML: <table>']));
  });

  it('keeps Thai text and gives Thai slugs an ASCII fallback that the old URL redirects to', async () => {
    const a = await article(202);
    expect(a.headline).toBe('ฝุ่นควันปกคลุมเชียงใหม่');
    expect(a.standfirst).toBe('ฝุ่นควันยังไม่ลดลง');
    expect(bodySchema.parse(a.body).blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'ค่าฝุ่น PM2.5 สูงเกินมาตรฐานเป็นวันที่สาม' }] },
      { type: 'paragraph', content: [{ text: 'ประชาชนควรสวมหน้ากากเมื่อออกนอกบ้าน' }] },
    ]);
    expect(a.topSection).toMatchObject({ name: 'ข่าว', slug: 'section-4' });
    expect(a.slug).toBe('story-202');
    const redirect = await db().redirect.findUnique({ where: { fromPath: '/2024/05/%E0%B8%9D%E0%B8%B8%E0%B9%88%E0%B8%99' } });
    expect(redirect?.toPath).toBe('/section-4/story-202');
  });

  it('sanitises hostile markup: no script, handler, javascript: link or form survives', async () => {
    const a = await article(209);
    const json = JSON.stringify(a.body) + a.headline;
    for (const bad of ['<script', 'javascript:', 'onclick', 'onerror', 'onmouseover', 'evil.example', '<form', '<iframe', '<style', 'password']) {
      expect(json).not.toContain(bad);
    }
    expect(a.headline).toBe('Reader letters');
    const body = bodySchema.parse(a.body);
    expect(body.blocks[0]).toEqual({ type: 'paragraph', content: [{ text: 'Dear editor, click me and ' }, { text: 'this link', href: 'https://example.org/' }, { text: '.' }] });
    const html = body.blocks.filter((b) => b.type === 'html').map((b) => (b as { html: string }).html);
    expect(html).toEqual([
      '<table><tr><td>Cell <a>bad</a> <a href="https://ok.example/" rel="nofollow noopener">good</a></td></tr></table>',
      '<pre>  keep   this\nspacing</pre>',
    ]);
    // Unknown shortcodes stay as text and are reported, never silently dropped.
    expect(JSON.stringify(body)).toContain('[contact-form-7 id=\\"5\\" title=\\"Contact\\"]');
    expect(report.notes.find((n) => n.item.includes('209'))!.notes).toEqual(expect.arrayContaining(['unknown shortcode [contact-form-7] kept as text', 'removed <script>']));
  });

  it('files posts without a category under Uncategorized and suffixes clashing slugs', async () => {
    expect((await article(210)).topSection.slug).toBe('uncategorized');
    expect((await article(200)).slug).toBe('election-night');
    expect((await article(211)).slug).toBe('election-night-2');
  });

  it('assigns tags, secondary sections and bylines with the listing date', async () => {
    const a = await article(200);
    expect(a.tags.map((t) => t.tag.slug)).toEqual(['election']);
    expect(a.tags[0]!.publishedAt).toEqual(a.publishedAt);
    expect(a.sections.map((s) => s.sectionId)).toEqual([(await db().section.findFirstOrThrow({ where: { slug: 'politics' } })).id]);
    expect(a.bylines.map((b) => [b.person.name, b.publishedAt])).toEqual([['Alice Smith', a.publishedAt]]);
    expect((await article(203)).bylines[0]!.publishedAt).toBeNull();
    expect(await db().tag.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, name: true } })).toEqual([
      { slug: 'air-quality', name: 'Air quality' },
      { slug: 'election', name: 'Election' },
    ]);
  });

  it('creates staff accounts without passwords, linked to their bylines', async () => {
    const alice = await db().user.findUniqueOrThrow({ where: { email: 'alice@example.com' }, include: { person: true } });
    expect(alice).toMatchObject({ name: 'Alice Smith', role: 'author', passwordHash: null, person: { slug: 'alice', legacyId: 1 } });
    expect((await article(200)).createdById).toBe(alice.id);
  });

  it('turns old permalinks, old slugs, categories and nested pages into 301s without hiding our own routes', async () => {
    const rows = await db().redirect.findMany({ select: { fromPath: true, toPath: true } });
    const map = Object.fromEntries(rows.map((r) => [r.fromPath, r.toPath]));
    expect(map).toMatchObject({
      '/2024/05/election-night': '/news/election-night',
      '/2024/05/polls-open': '/news/election-night',
      '/2024/05/election-day': '/news/election-night',
      '/2024/05/river-plan': '/news/river-plan',
      '/category/news/politics/local-politics': '/news/politics',
      '/category/news/politics': '/news/politics',
      '/category/page': '/page-section',
      '/tag/air_quality': '/tag/air-quality',
      '/about/team': '/team',
    });
    // Same path before and after needs no redirect; /search stays the site's search.
    expect(map['/tag/election']).toBeUndefined();
    expect(map['/search']).toBeUndefined();
    // ?p=ID is answered from legacyId by the front layer; a row with a query would key on "/".
    expect(rows.filter((r) => r.fromPath.includes('?'))).toEqual([]);
    // Unpublished posts had no public URL.
    expect(map['/2024/05/staff-notes']).toBeUndefined();
    expect(map['/2030/01/festival-preview']).toBeUndefined();
  });

  it('keeps pages in the shared top-level namespace, published or not', async () => {
    expect(await db().page.findMany({ orderBy: { legacyId: 'asc' }, select: { slug: true, published: true } })).toEqual([
      { slug: 'about', published: true },
      { slug: 'team', published: true },
      { slug: 'search-page', published: true },
      { slug: 'careers', published: false },
    ]);
  });

  it('shows imported articles to readers on the next request', async () => {
    const found = await getPublishedArticle('news', 'election-night');
    expect(found).toMatchObject({
      headline: 'Election night: turnout & tension',
      path: '/news/election-night',
      topSection: { name: 'News', path: '/news' },
      hero: { alt: 'Fishing boats in a harbour at sunrise', credit: 'Niran Photo' },
      bylines: [{ name: 'Alice Smith' }],
    });
    // The inline picture resolves to the imported file.
    expect(found!.media[(await article(200)).heroImageId!]?.src).toMatch(/^\/media\/uploads\//);
    expect((await listLatestArticles({ limit: 20 })).map((a) => a.path)).toContain('/section-4/story-202');
    expect(await getPublishedArticle('news', 'festival-preview')).toBeNull();
    const a = await article(200);
    expect(invalidated).toEqual(expect.arrayContaining(['home', 'redirects', 'feeds', 'sitemaps', `article:${a.id}`, 'missing:/news/election-night', `section:${a.topSectionId}`, `page:${(await db().page.findFirstOrThrow()).id}`]));
  });

  it('leaves the search index consistent: imported articles are found, drafts are not', async () => {
    const found = await searchArticles(parseSearchParams({ q: 'turnout' }));
    expect(found.results.map((r) => r.path)).toEqual(['/news/election-night']);
    expect((await searchArticles(parseSearchParams({ q: 'budget' }))).results).toEqual([]);
    // Indexed with its byline (PostgreSQL indexes each batch once, after the bylines are in).
    expect((await searchArticles(parseSearchParams({ q: 'turnout', author: 'alice' }))).results.map((r) => r.path)).toEqual(['/news/election-night']);
    // The per-row triggers are back for the newsroom's own edits.
    const a = await article(200);
    await write((tx) => tx.article.update({ where: { id: a.id }, data: { headline: 'Election night: a quorum at last' } }));
    expect((await searchArticles(parseSearchParams({ q: 'quorum' }))).results.map((r) => r.path)).toEqual(['/news/election-night']);
    await write((tx) => tx.article.update({ where: { id: a.id }, data: { headline: a.headline } }));
  });

  it('puts drafts and pending posts in the newsroom list, findable by their words', async () => {
    const editor = await createTestActor('editor');
    const list = async (query: Record<string, string>) =>
      (await listArticlesForStaff(editor, articleListQuerySchema.parse(query))).rows.map((row) => row.headline);
    expect(await list({ state: 'in_review' })).toContain('Waiting for the editor');
    expect(await list({ state: 'draft' })).toContain('Draft about the budget');
    expect(await list({ q: 'budget' })).toContain('Draft about the budget');
    expect(await list({ state: 'published' })).toContain('Election night: turnout & tension');
  });

  it('updates instead of duplicating when run again, keeping slugs and leaving newsroom edits alone', async () => {
    const before = await counts();
    const edited = await article(204);
    await write((tx) => tx.article.update({ where: { id: edited.id }, data: { headline: 'Edited in the newsroom', version: 2 } }));
    const again = await importWordPress({ file: fixture('newsroom.xml'), uploadsDir: uploads });
    expect(await counts()).toEqual(before);
    expect(again.created).toMatchObject({ articles: 0, pages: 0, sections: 0, tags: 0, people: 0, users: 0, media: 0, redirects: 0 });
    expect(again.updated).toMatchObject({ articles: 9, pages: 4, sections: 5, tags: 2, people: 2, media: 1 });
    expect(again.skipped.find((s) => s.reason.startsWith('edited in Broadsheet'))?.count).toBe(1);
    expect((await article(204)).headline).toBe('Edited in the newsroom');
    expect((await article(211)).slug).toBe('election-night-2');
  });

  it('adds redirects for a --permalinks structure', async () => {
    await importWordPress({ file: fixture('newsroom.xml'), permalinks: '/%year%/%monthnum%/%day%/%postname%/' });
    const map = Object.fromEntries((await db().redirect.findMany()).map((r) => [r.fromPath, r.toPath]));
    expect(map['/2024/05/01/election-night']).toBe('/news/election-night');
    expect(map['/2024/05/01/polls-open']).toBe('/news/election-night');
    await expect(importWordPress({ file: fixture('newsroom.xml'), permalinks: '/%postnme%/' })).rejects.toThrow(RangeError);
  });

  it('writes nothing in a dry run', async () => {
    const before = await counts();
    const entries = await db().auditLog.count();
    const dry = await importWordPress({ file: fixture('newsroom.xml'), dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.updated.articles).toBe(9);
    expect(await counts()).toEqual(before);
    expect(await db().auditLog.count()).toBe(entries);
  });

  it('stops on malformed XML with line and column and leaves the database as it was', async () => {
    const before = await counts();
    const error = await importWordPress({ file: fixture('malformed.xml') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrSyntaxError);
    expect(error).toMatchObject({ line: 21, column: 40 });
    expect((error as Error).message).toMatch(/^line 21, column 40: /);
    expect(await counts()).toEqual(before);
    expect(await db().article.findFirst({ where: { headline: { contains: 'must not be imported' } } })).toBeNull();
  });

  it('refuses a well-formed file with unusable items before writing anything', async () => {
    const before = await counts();
    const error = await importWordPress({ file: fixture('invalid.xml') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrValidationError);
    expect((error as WxrValidationError).problems).toEqual([{ line: 15, message: 'item "Has no id" has no valid wp:post_id (got "abc")' }]);
    expect(await counts()).toEqual(before);
  });
});

describe('shadowsOwnRoute', () => {
  it('protects the site’s own routes and date archives, not ordinary old URLs', () => {
    for (const path of ['/search', '/feed', '/admin/x', '/2024/05', '/2024/05/01', '/wp-login.php', '/?p=1']) expect(shadowsOwnRoute(path)).toBe(true);
    for (const path of ['/2024/05/01/story', '/about/team', '/tag/old', '/category/news']) expect(shadowsOwnRoute(path)).toBe(false);
  });
});
