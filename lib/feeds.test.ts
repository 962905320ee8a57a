import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from './db';
import { buildFeed } from './feeds';
import { parseFeedRoute } from './seo/feed-route';
import { conditionalResponse } from './seo/http';
import { createArticles, createNewsroom, HOSTILE, SETTINGS_SAVED, type Newsroom } from './seo/test-fixtures';
import { siteUrl } from './seo/urls';

const parser = new XMLParser({
  ignoreAttributes: false,
  // Repeatable elements always as arrays; Atom's <link> repeats, RSS's does not.
  isArray: (name, jpath) => ['item', 'entry', 'category', 'author'].includes(name) || (name === 'link' && String(jpath).startsWith('feed')),
});

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return parser.parse(xml);
}

const at = (iso: string) => new Date(iso);

describe('feeds', () => {
  let n: Newsroom;
  let ids: number[];

  beforeAll(async () => {
    n = await createNewsroom();
    const image = await write((tx) => tx.media.create({ data: { path: 'seed/market.jpg', originalName: 'm.jpg', mimeType: 'image/jpeg', width: 800, height: 600, bytes: 5000 } }));
    ids = await createArticles([
      {
        slug: 'hostile',
        headline: HOSTILE,
        standfirst: 'A & B <i>',
        section: n.news,
        top: n.news,
        publishedAt: at('2026-11-29T06:00:00Z'),
        heroImageId: n.hero,
        tags: [n.floods, n.election],
        bylines: [n.kanya, n.niran],
        body: {
          blocks: [
            { type: 'paragraph', content: [{ text: 'Read ' }, { text: 'about us', href: '/about' }, { text: ' ]]> & </script>' }] },
            { type: 'image', mediaId: image.id, alt: 'Market "stalls"', caption: 'Morning' },
          ],
        },
      },
      { slug: 'asia-story', section: n.asia, top: n.news, publishedAt: at('2026-11-28T06:00:00Z'), bylines: [n.niran] },
      { slug: 'sport-also-news', section: n.sport, top: n.sport, publishedAt: at('2026-11-27T06:00:00Z'), secondary: [n.asia] },
      { slug: 'unsigned', section: n.sport, top: n.sport, publishedAt: at('2026-11-26T06:00:00Z'), contentUpdatedAt: at('2026-11-29T07:00:00Z') },
      { slug: 'draft', section: n.news, top: n.news, publishedAt: null, bylines: [n.kanya] },
    ]);
  });

  it('serves the site RSS with every item escaped, signed, dated and illustrated', async () => {
    const feed = (await buildFeed('rss', { kind: 'site' }))!;
    expect(feed.contentType).toBe('application/rss+xml; charset=utf-8');
    const { rss } = parse(feed.body);
    expect(rss['@_version']).toBe('2.0');
    expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
    expect(rss['@_xmlns:dc']).toBe('http://purl.org/dc/elements/1.1/');
    expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const { channel } = rss;
    expect(channel.title).toBe('The Lanna Ledger');
    expect(channel['atom:link']['@_href']).toBe(`${siteUrl()}/feed.xml`);
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual(
      ['/news/hostile', '/news/asia-story', '/sport/sport-also-news', '/sport/unsigned'].map((p) => `${siteUrl()}${p}`),
    );
    const [hostile, asia, , unsigned] = channel.item;
    expect(hostile.title).toBe(HOSTILE.replace(/[\u0001\u000b]/g, ''));
    expect(feed.body).not.toContain('</script>');
    expect(hostile.description).toBe('A & B <i>');
    expect(hostile['dc:creator']).toBe('Kanya Srisuk, Niran Chai');
    expect(asia['dc:creator']).toBe('Niran Chai');
    expect(unsigned['dc:creator']).toBe('The Lanna Ledger');
    expect(hostile.category).toEqual(['News', 'Election', 'Floods']);
    expect(hostile.guid['#text']).toMatch(/^tag:[^,]+,2026:article:\d+$/);
    expect(hostile.guid['@_isPermaLink']).toBe('false');
    expect(hostile.pubDate).toBe('Sun, 29 Nov 2026 06:00:00 GMT');
    expect(hostile.enclosure).toEqual({ '@_url': `${siteUrl()}/media/seed/river.jpg`, '@_length': '123456', '@_type': 'image/jpeg' });
    expect(hostile['media:content']['@_medium']).toBe('image');
    expect(asia.enclosure).toBeUndefined();
    // Full content: the body as HTML with absolute links and image URLs.
    const html: string = hostile['content:encoded'];
    expect(html).toContain(`<a href="${siteUrl()}/about">about us</a>`);
    expect(html).toContain(' ]]&gt; &amp; &lt;/script&gt;');
    expect(html).toContain(`<img src="${siteUrl()}/media/seed/market.jpg" width="800" height="600" alt="Market &quot;stalls&quot;">`);
    // The feed changed last when the unsigned story was updated.
    expect(feed.lastModified).toEqual(at('2026-11-29T07:00:00Z'));
  });

  it('serves Atom with an author on every entry', async () => {
    const feed = (await buildFeed('atom', { kind: 'site' }))!;
    const doc = parse(feed.body).feed;
    expect(doc['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(doc.link.find((l: Record<string, string>) => l['@_rel'] === 'self')['@_href']).toBe(`${siteUrl()}/atom.xml`);
    expect(doc.updated).toBe('2026-11-29T07:00:00.000Z');
    expect(doc.entry).toHaveLength(4);
    for (const entry of doc.entry) expect(entry.author.length).toBeGreaterThan(0);
    expect(doc.entry[0].author).toEqual([
      { name: 'Kanya Srisuk', uri: `${siteUrl()}/author/kanya-srisuk` },
      { name: 'Niran Chai', uri: `${siteUrl()}/author/niran-chai` },
    ]);
    expect(doc.entry[0].content['@_type']).toBe('html');
    expect(doc.entry[0].link.find((l: Record<string, string>) => l['@_rel'] === 'enclosure')['@_length']).toBe('123456');
    expect(doc.entry[3].updated).toBe('2026-11-29T07:00:00.000Z');
  });

  it('scopes feeds to a section with its sub-sections and secondary placements, a tag and an author', async () => {
    const links = async (scope: Parameters<typeof buildFeed>[1]) => {
      const feed = await buildFeed('rss', scope);
      return parse(feed!.body).rss.channel.item?.map((i: { link: string }) => i.link.replace(siteUrl(), '')) ?? [];
    };
    expect(await links({ kind: 'section', slugs: ['news'] })).toEqual(['/news/hostile', '/news/asia-story', '/sport/sport-also-news']);
    expect(await links({ kind: 'section', slugs: ['news', 'asia'] })).toEqual(['/news/asia-story', '/sport/sport-also-news']);
    expect(await links({ kind: 'section', slugs: ['sport'] })).toEqual(['/sport/sport-also-news', '/sport/unsigned']);
    expect(await links({ kind: 'tag', slug: 'floods' })).toEqual(['/news/hostile']);
    expect(await links({ kind: 'author', slug: 'niran-chai' })).toEqual(['/news/hostile', '/news/asia-story']);
    const section = parse((await buildFeed('rss', { kind: 'section', slugs: ['news', 'asia'] }))!.body).rss.channel;
    expect(section.title).toBe('Asia — The Lanna Ledger');
    expect(section['atom:link']['@_href']).toBe(`${siteUrl()}/news/asia/feed.xml`);
    expect(section.link).toBe(`${siteUrl()}/news/asia`);
  });

  it('answers null for what does not exist, so the route can 404', async () => {
    expect(await buildFeed('rss', { kind: 'section', slugs: ['nope'] })).toBeNull();
    expect(await buildFeed('rss', { kind: 'section', slugs: ['sport', 'asia'] })).toBeNull();
    expect(await buildFeed('atom', { kind: 'tag', slug: 'nope' })).toBeNull();
    expect(await buildFeed('atom', { kind: 'author', slug: 'nope' })).toBeNull();
  });

  it('gives summaries only when the setting says so', async () => {
    await write((tx) => tx.siteSettings.update({ where: { id: 1 }, data: { feedFullContent: false } }));
    try {
      const rss = await buildFeed('rss', { kind: 'site' });
      // Saving the settings changes every feed.
      expect(rss!.lastModified!.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(rss!.body).not.toContain('content:encoded>');
      expect(parse(rss!.body).rss.channel.item[0].description).toBe('A & B <i>');
      const atom = parse((await buildFeed('atom', { kind: 'site' }))!.body).feed;
      expect(atom.entry[0].content).toBeUndefined();
      expect(atom.entry[0].summary['#text']).toBe('A & B <i>');
    } finally {
      await write((tx) => tx.siteSettings.update({ where: { id: 1 }, data: { feedFullContent: true, updatedAt: SETTINGS_SAVED } }));
    }
  });

  it('answers conditional requests with 304 and changes its ETag when an item changes', async () => {
    const feed = (await buildFeed('rss', { kind: 'site' }))!;
    const get = (headers: Record<string, string>) => conditionalResponse(new Request('http://x/feed.xml', { headers }), feed, feed.contentType, () => feed.body);
    const fresh = get({});
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe(feed.etag);
    expect(fresh.headers.get('last-modified')).toBe('Sun, 29 Nov 2026 07:00:00 GMT');
    expect(get({ 'if-none-match': feed.etag }).status).toBe(304);
    expect(get({ 'if-none-match': `"other", ${feed.etag.replace('W/', '')}` }).status).toBe(304);
    expect(get({ 'if-none-match': '"stale"' }).status).toBe(200);
    expect(get({ 'if-modified-since': 'Sun, 29 Nov 2026 07:00:00 GMT' }).status).toBe(304);
    expect(get({ 'if-modified-since': 'Sun, 29 Nov 2026 06:59:59 GMT' }).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect(get({ 'if-none-match': '"stale"', 'if-modified-since': 'Sun, 29 Nov 2026 07:00:00 GMT' }).status).toBe(200);

    await write((tx) => tx.article.update({ where: { id: ids[1] }, data: { headline: 'A new headline' } }));
    expect((await buildFeed('rss', { kind: 'site' }))!.etag).not.toBe(feed.etag);
  });

  it('maps public feed URLs to scopes and refuses anything else', () => {
    expect(parseFeedRoute({ format: 'feed' })).toEqual({ format: 'rss', scope: { kind: 'site' } });
    expect(parseFeedRoute({ format: 'atom', scope: ['section', 'news', 'asia'] })).toEqual({ format: 'atom', scope: { kind: 'section', slugs: ['news', 'asia'] } });
    expect(parseFeedRoute({ format: 'feed', scope: ['tag', 'floods'] })).toEqual({ format: 'rss', scope: { kind: 'tag', slug: 'floods' } });
    expect(parseFeedRoute({ format: 'json' })).toBeNull();
    expect(parseFeedRoute({ format: 'feed', scope: ['tag'] })).toBeNull();
    expect(parseFeedRoute({ format: 'feed', scope: ['section', 'a', 'b', 'c'] })).toBeNull();
    expect(parseFeedRoute({ format: 'feed', scope: ['page', 'about'] })).toBeNull();
  });
});
