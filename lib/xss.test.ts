/**
 * Stored XSS (issue 13): every payload of lib/testing/xss-corpus.ts goes through every write path
 * a staff member reaches, then through the read functions and the very components, JSON-LD and
 * feed builders the reader pages use. The output must hold nothing executable (no script but
 * JSON-LD, no on* attribute, no script URL, no frame), JSON-LD must not close its element, and feeds
 * must stay well-formed XML. A payload the boundary refuses is a pass, as long as it is refused
 * with a field error and not an exception.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode, type Element } from 'domhandler';
import { createElement, type ReactNode } from 'react';
import { prerender } from 'react-dom/static';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArticleBody } from '@/components/article/article-body';
import { ArticleView } from '@/components/article/article-view';
import { Picture } from '@/components/common/picture';
import { BreakingBar } from '@/components/layout/breaking-bar';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { SocialLinks } from '@/components/layout/social-links';
import { StoryList } from '@/components/listing/story-list';
import { SearchResults } from '@/components/search/search-results';
import { JsonLd } from '@/components/seo/json-ld';
import { createArticle, publishArticle, saveArticle } from './article-workflow';
import { getPublishedArticle, listTagArticles } from './articles';
import { db } from './db';
import { buildFeed } from './feeds';
import { getBreakingBar, setBreakingBar } from './home-curation';
import { getMedia, updateMediaDetails } from './media';
import { createStaff, type Staff } from './media/fixtures';
import { listFooterPages, getPublishedPage } from './pages';
import { createPage } from './pages-editing';
import { createPerson } from './people-editing';
import { getAuthor } from './people';
import { sanitizeHtml } from './sanitize-html';
import { searchArticles, searchArticlesForStaff } from './search';
import { getArticleSeo, getSeoSettings } from './seo/data';
import { articleStructuredData, authorStructuredData, homeStructuredData, listingStructuredData } from './seo/structured-data';
import { getSiteSettings } from './settings';
import { saveSettings } from './settings-editing';
import { buildNewsSitemap } from './sitemaps';
import { getTag, getTopSection, listNavSections } from './taxonomy';
import { createSection, createTag } from './taxonomy-editing';
import { fitted, findExecutable, XSS_CORPUS } from './testing/xss-corpus';
import type { Block } from './validation/body';
import { newsletterSignupSchema } from './validation/newsletter';
import { parseSearchParams } from './validation/search';
import { safeHref } from './validation/text';

let staff: Staff;
let sectionId: number;
let mediaId: number;

beforeAll(async () => {
  staff = await createStaff();
  sectionId = (await db().section.create({ data: { slug: 'news', name: 'News' }, select: { id: true } })).id;
  mediaId = (await db().media.create({ data: { path: 'seed/river.jpg', originalName: 'river.jpg', mimeType: 'image/jpeg', width: 1600, height: 900, bytes: 1000, alt: 'River' } })).id;
});

async function render(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(createElement('div', null, node));
  return new Response(prelude).text();
}

function scripts(nodes: readonly ChildNode[], out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === 'script') out.push(node);
    scripts(node.children, out);
  }
  return out;
}

/** Problems in rendered HTML: anything executable, and JSON-LD that closes its element or is not JSON. */
function problems(html: string): string[] {
  const found = findExecutable(html).map((f) => `<${f.element}> ${f.problem}`);
  for (const script of scripts(parseDocument(html).children)) {
    const json = script.children.map((c) => ('data' in c ? c.data : '')).join('');
    if (/<\/script|<!--/i.test(json)) found.push('JSON-LD holds </script or <!--');
    try {
      JSON.parse(json);
    } catch {
      found.push('JSON-LD is not JSON');
    }
  }
  return found;
}

/** A required field's value: the payload (cut to fit) plus text, so cleaning can never empty it. */
const required = (payload: string, max: number) => `${fitted(payload, max - 4)} end`;

/** Runs `check` for every corpus case and reports every failure at once, naming the payload. */
async function everyPayload(check: (payload: string, index: number) => Promise<string[]>): Promise<void> {
  const failures: string[] = [];
  for (const [index, { class: cls, payload }] of XSS_CORPUS.entries()) {
    try {
      for (const problem of await check(payload, index)) failures.push(`${cls} ${JSON.stringify(payload)}: ${problem}`);
    } catch (error) {
      failures.push(`${cls} ${JSON.stringify(payload)}: threw ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  expect(failures).toEqual([]);
}

const isSafeHref = (value: string) => safeHref.safeParse(value).success;

function bodyWith(payload: string): Block[] {
  return [
    { type: 'paragraph', content: [{ text: payload }, ...(isSafeHref(payload) ? [{ text: 'link', href: payload }] : []), { text: 'bold', bold: true }] },
    { type: 'heading', level: 2, text: required(payload, 500) },
    { type: 'quote', content: [{ text: payload }], cite: fitted(payload, 300) },
    { type: 'pullquote', text: required(payload, 1000), cite: fitted(payload, 300) },
    { type: 'list', ordered: false, items: [[{ text: payload }]] },
    { type: 'image', mediaId, alt: fitted(payload, 500), caption: fitted(payload, 1000), credit: fitted(payload, 300) },
    { type: 'embed', url: 'https://www.youtube.com/watch?v=abcdefgh', title: fitted(payload, 300) },
    // Safe markup first: an unclosed <svg> or <!-- in the payload rightly swallows what follows it.
    { type: 'html', html: `<p>kept</p>${payload}` },
  ];
}

describe('stored XSS through the newsroom write paths', () => {
  it('is refused as a link wherever it would run', () => {
    const runnable = XSS_CORPUS.map((c) => c.payload).filter((p) => /^\W*(?:java|vb)script|^\s*data:|^\/\/|^\/\\/i.test(p.replace(/[\u0000-\u0020]/g, '')));
    expect(runnable.length).toBeGreaterThan(10);
    for (const payload of runnable) expect(isSafeHref(payload), payload).toBe(false);
  });

  it('articles (create, save, publish): the article page, its JSON-LD and the story list stay inert', async () => {
    const settings = await getSiteSettings();
    await everyPayload(async (payload, i) => {
      const input = {
        headline: required(payload, 300),
        standfirst: fitted(payload, 600),
        slug: `xss-${i}`,
        body: { blocks: bodyWith(payload) },
        primarySectionId: sectionId,
        tagNames: [required(payload, 80)],
        heroImageId: mediaId,
        heroAlt: fitted(payload, 500),
        heroCaption: fitted(payload, 1000),
        heroCredit: fitted(payload, 300),
        seoTitle: fitted(payload, 120),
        seoDescription: fitted(payload, 320),
        correction: fitted(payload, 2000),
      };
      const { id } = await createArticle(staff.editor, input);
      await saveArticle(staff.editor, id, { ...input, standfirst: fitted(`${payload}${payload}`, 600) }, { baseVersion: 1 });
      await publishArticle(staff.editor, id);
      const article = await getPublishedArticle('news', `xss-${i}`);
      const seo = await getArticleSeo('news', `xss-${i}`);
      if (!article || !seo) return ['the published article cannot be read back'];
      const html = await render([
        createElement(ArticleView, { key: 'a', article, settings, url: `https://example.com${article.path}`, related: [], next: null }),
        createElement(JsonLd, { key: 'j', data: articleStructuredData(seo, await getSeoSettings()) }),
      ]);
      const found = problems(html);
      if (!html.includes('kept')) found.push('the safe part of the HTML block was lost');
      return found;
    });
    // Four writes and two reads per payload; PostgreSQL on a loaded machine needs the time.
  }, 300_000);

  it('feeds and the news sitemap stay well-formed XML whose HTML is inert', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'entry'].includes(name) });
    const found: string[] = [];
    await db().siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: 'Ledger', feedFullContent: true }, update: { feedFullContent: true } });
    for (const format of ['rss', 'atom'] as const) {
      const feed = (await buildFeed(format, { kind: 'site' }, { limit: XSS_CORPUS.length }))!;
      expect(XMLValidator.validate(feed.body), format).toBe(true);
      const doc = parser.parse(feed.body);
      const items: Record<string, unknown>[] = format === 'rss' ? doc.rss.channel.item : doc.feed.entry;
      expect(items).toHaveLength(XSS_CORPUS.length);
      for (const item of items) {
        const html = String(format === 'rss' ? item['content:encoded'] : (item.content as Record<string, string>)['#text']);
        found.push(...problems(html).map((p) => `${format}: ${p}`));
      }
    }
    const sitemap = await buildNewsSitemap();
    expect(XMLValidator.validate(sitemap.body)).toBe(true);
    expect(found).toEqual([]);
  });

  it('tags created from article tag names list their stories inertly', async () => {
    const settings = await getSiteSettings();
    const seo = await getSeoSettings();
    const tags = await db().tag.findMany({ select: { slug: true } });
    expect(tags.length).toBeGreaterThan(XSS_CORPUS.length / 2);
    const found: string[] = [];
    for (const { slug } of tags) {
      const tag = (await getTag(slug))!;
      const listing = await listTagArticles(tag.id, 1);
      const html = await render([
        createElement('h1', { key: 'h' }, tag.name),
        createElement(StoryList, { key: 's', stories: listing.items, timeZone: settings.timeZone }),
        createElement(JsonLd, { key: 'j', data: listingStructuredData({ name: tag.name, path: tag.path, items: listing.items }, seo) }),
      ]);
      found.push(...problems(html));
    }
    expect(found).toEqual([]);
  });

  it('media alt text, captions and credits', async () => {
    await everyPayload(async (payload) => {
      const result = await updateMediaDetails(staff.editor, mediaId, { alt: fitted(payload, 500), caption: fitted(payload, 1000), credit: fitted(payload, 300), focalX: 0.5, focalY: 0.5 });
      if (!result.ok) return [`refused: ${JSON.stringify(result.errors)}`];
      const media = (await getMedia(staff.editor, mediaId))!;
      const image = { src: `/media/${media.path}`, width: media.width, height: media.height, alt: media.alt };
      return problems(await render(createElement('figure', null, createElement(Picture, { image, sizes: '100vw' }), createElement('figcaption', null, media.caption, media.credit))));
    });
  });

  it('people: names, job titles, biographies and social links', async () => {
    const seo = await getSeoSettings();
    await everyPayload(async (payload, i) => {
      const person = { name: required(payload, 120), slug: `person-${i}`, jobTitle: fitted(payload, 120), bio: fitted(payload, 3000), socialLinks: [{ network: 'x', url: payload }] };
      let created = await createPerson(staff.editor, person);
      if (!created.ok) {
        // Only the link may be refused, and it must be.
        if (Object.keys(created.errors).some((k) => !k.startsWith('socialLinks'))) return [`refused: ${JSON.stringify(created.errors)}`];
        created = await createPerson(staff.editor, { ...person, socialLinks: [] });
      }
      const author = (await getAuthor(`person-${i}`))!;
      const data = authorStructuredData({ name: author.name, slug: author.slug, jobTitle: author.jobTitle, description: author.bio, sameAs: author.socialLinks.map((l) => l.url) }, { page: 1, items: [] }, seo);
      return problems(
        await render([
          createElement('h1', { key: 'h' }, author.name),
          createElement('p', { key: 'b' }, author.bio),
          createElement(SocialLinks, { key: 'l', links: author.socialLinks, owner: author.name }),
          createElement(JsonLd, { key: 'j', data }),
        ]),
      );
    });
  });

  it('sections and tags: names and descriptions in navigation, headings and JSON-LD', async () => {
    const seo = await getSeoSettings();
    await everyPayload(async (payload, i) => {
      const section = await createSection(staff.editor, { name: required(payload, 80), slug: `section-${i}`, description: fitted(payload, 500) });
      const tag = await createTag(staff.editor, { name: required(payload, 80), slug: `topic-${i}`, description: fitted(payload, 500) });
      if (!section.ok || !tag.ok) return [`refused: ${JSON.stringify([section, tag])}`];
      const top = (await getTopSection(`section-${i}`))!;
      const topic = (await getTag(`topic-${i}`))!;
      return problems(
        await render([
          createElement('h1', { key: 's' }, top.name, createElement('p', null, top.description)),
          createElement('h1', { key: 't' }, topic.name, createElement('p', null, topic.description)),
          createElement(JsonLd, { key: 'j', data: [...listingStructuredData({ name: top.name, description: top.description, path: top.path, items: [] }, seo), ...listingStructuredData({ name: topic.name, description: topic.description, path: topic.path, items: [] }, seo)] }),
        ]),
      );
    });
  });

  it('static pages: titles and bodies', async () => {
    await everyPayload(async (payload, i) => {
      const created = await createPage(staff.admin, { title: required(payload, 200), slug: `page-${i}`, body: { blocks: bodyWith(payload) } });
      if (!created.ok) return [`refused: ${JSON.stringify(created.errors)}`];
      const page = (await getPublishedPage(`page-${i}`))!;
      return problems(await render([createElement('h1', { key: 'h' }, page.title), createElement(ArticleBody, { key: 'b', body: page.body, media: {} })]));
    });
  });

  it('site settings and the breaking bar, in the header, footer and organisation JSON-LD', async () => {
    const base = { logoId: null, timeZone: 'Asia/Bangkok', language: 'en', blockAiCrawlers: false, feedFullContent: true };
    await everyPayload(async (payload) => {
      const text = { name: required(payload, 120), tagline: fitted(payload, 200), footerText: fitted(payload, 1000) };
      const links = { socialLinks: [{ network: 'facebook', url: payload }], sponsoredLinks: [{ label: required(payload, 120), url: payload }], appPromo: { title: required(payload, 120), text: fitted(payload, 300), url: payload } };
      let saved = await saveSettings(staff.admin, { ...base, ...text, ...links });
      if (!saved.ok) {
        if (Object.keys(saved.errors).some((k) => !k.endsWith('.url') && k !== 'appPromo.url')) return [`refused: ${JSON.stringify(saved.errors)}`];
        const safe = 'https://example.com/ok';
        saved = await saveSettings(staff.admin, { ...base, ...text, socialLinks: [{ network: 'facebook', url: safe }], sponsoredLinks: [{ label: required(payload, 120), url: safe }], appPromo: { title: required(payload, 120), text: fitted(payload, 300), url: safe } });
        if (!saved.ok) return [`refused: ${JSON.stringify(saved.errors)}`];
      }
      const bar = await setBreakingBar(staff.editor, { text: required(payload, 200), url: isSafeHref(payload) ? payload : '', minutes: 15 });
      if (!bar.ok) return [`breaking bar refused: ${JSON.stringify(bar)}`];
      const settings = await getSiteSettings();
      const news = (await getBreakingBar())!;
      const [sections, pages, seo] = await Promise.all([listNavSections(), listFooterPages(), getSeoSettings()]);
      return problems(
        await render([
          createElement(BreakingBar, { key: 'b', news }),
          createElement(SiteHeader, { key: 'h', name: settings.name, tagline: settings.tagline, sections }),
          createElement(SiteFooter, { key: 'f', settings, sections, pages }),
          createElement(JsonLd, { key: 'j', data: homeStructuredData(seo) }),
        ]),
      );
    });
  }, 120_000);

  it('search: reader and staff queries never throw and results render inertly', async () => {
    const settings = await getSiteSettings();
    await everyPayload(async (payload) => {
      const params = parseSearchParams({ q: payload });
      const [reader] = await Promise.all([searchArticles(params), searchArticlesForStaff(staff.editor, payload)]);
      return problems(await render(createElement(SearchResults, { response: reader, timeZone: settings.timeZone, query: params.q })));
    });
  }, 120_000);

  it('newsletter sign-up refuses every payload as an e-mail address', () => {
    for (const { payload } of XSS_CORPUS) expect(newsletterSignupSchema.safeParse({ email: payload }).success, payload).toBe(false);
    expect(newsletterSignupSchema.safeParse({ email: '"<script>alert(1)</script>"@example.com' }).success).toBe(false);
  });

  it('the sanitiser leaves nothing executable in any payload, alone or nested in allowed markup', () => {
    for (const { payload } of XSS_CORPUS) {
      for (const html of [payload, `<table><tr><td>${payload}</td></tr></table>`, `<a href="/x">${payload}</a>`, `<pre><code>${payload}</code></pre>`]) {
        const clean = sanitizeHtml(html);
        expect(problems(clean), html).toEqual([]);
        expect(sanitizeHtml(clean), html).toBe(clean);
      }
    }
  });
});
