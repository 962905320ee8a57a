import { beforeAll, describe, expect, it } from 'vitest';
import { getArticleSeo, getSeoSettings, type SeoSettings } from './data';
import { articleMetadata, authorMetadata, dateArchiveMetadata, homeMetadata, metaDescription, privateMetadata, searchMetadata, sectionMetadata, siteMetadata } from './metadata';
import { articleStructuredData } from './structured-data';
import { createArticles, createNewsroom, type Newsroom } from './test-fixtures';
import { siteUrl } from './urls';

describe('metadata', () => {
  let n: Newsroom;
  let settings: SeoSettings;

  beforeAll(async () => {
    n = await createNewsroom();
    settings = await getSeoSettings();
    await createArticles([
      {
        slug: 'kok-river',
        headline: 'Kok river rises',
        standfirst: 'Villages along the river prepare.',
        section: n.asia,
        top: n.news,
        publishedAt: new Date('2026-11-29T06:00:00Z'),
        contentUpdatedAt: new Date('2026-11-29T07:00:00Z'),
        heroImageId: n.hero,
        tags: [n.floods],
        bylines: [n.kanya],
      },
      { slug: 'wire-copy', section: n.news, top: n.news, publishedAt: new Date('2026-11-28T06:00:00Z'), canonicalUrl: 'https://wire.example/original', noindex: true, seoDescription: 'From the wire.' },
      { slug: 'unpublished', section: n.news, top: n.news, publishedAt: null },
    ]);
  });

  it('gives an article its canonical URL, description, large image previews and share cards', async () => {
    const article = (await getArticleSeo('news', 'kok-river'))!;
    const meta = articleMetadata(article, settings);
    expect(meta.alternates?.canonical).toBe(`${siteUrl()}/news/kok-river`);
    expect(meta.description).toBe('Villages along the river prepare.');
    expect(meta.robots).toMatchObject({ index: true, follow: true, 'max-image-preview': 'large' });
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      url: `${siteUrl()}/news/kok-river`,
      siteName: 'The Lanna Ledger',
      publishedTime: '2026-11-29T06:00:00.000Z',
      modifiedTime: '2026-11-29T07:00:00.000Z',
      authors: [`${siteUrl()}/author/kanya-srisuk`],
      section: 'Asia',
      tags: ['Floods'],
      images: [{ url: `${siteUrl()}/media/seed/river.jpg`, width: 1600, height: 900, alt: 'The Kok river' }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', images: [`${siteUrl()}/media/seed/river.jpg`] });
    expect(meta.alternates?.types?.['application/rss+xml']).toEqual([{ url: '/feed.xml', title: 'The Lanna Ledger (RSS)' }]);

    const [news, crumbs] = articleStructuredData(article, settings);
    expect(news).toMatchObject({ '@type': 'NewsArticle', articleSection: 'Asia', keywords: 'Floods', author: [{ name: 'Kanya Srisuk' }] });
    expect(crumbs!.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'The Lanna Ledger', item: `${siteUrl()}/` },
      { '@type': 'ListItem', position: 2, name: 'News', item: `${siteUrl()}/news` },
      { '@type': 'ListItem', position: 3, name: 'Asia', item: `${siteUrl()}/news/asia` },
      { '@type': 'ListItem', position: 4, name: 'Kok river rises', item: `${siteUrl()}/news/kok-river` },
    ]);
  });

  it('honours an editor’s canonical override and noindex, and cards an article without a hero', async () => {
    const article = (await getArticleSeo('news', 'wire-copy'))!;
    const meta = articleMetadata(article, settings);
    expect(meta.alternates?.canonical).toBe('https://wire.example/original');
    expect(meta.robots).toEqual({ index: false, follow: true });
    expect(meta.description).toBe('From the wire.');
    expect(meta.openGraph).toMatchObject({ images: [{ url: `${siteUrl()}/_broadsheet/social/${article.id}-1.png`, width: 1200, height: 630 }] });
    expect(articleStructuredData(article, settings)[0]).toMatchObject({ mainEntityOfPage: { '@id': 'https://wire.example/original' } });
    expect(await getArticleSeo('news', 'unpublished')).toBeNull();
    expect(await getArticleSeo('sport', 'kok-river')).toBeNull();
  });

  it('makes paginated listings canonical to themselves and links their feeds', () => {
    const first = sectionMetadata({ name: 'Asia', path: '/news/asia' }, settings);
    expect(first.alternates?.canonical).toBe(`${siteUrl()}/news/asia`);
    expect(first.description).toBe('The latest Asia news from The Lanna Ledger.');
    expect(first.alternates?.types).toMatchObject({
      'application/rss+xml': [{ url: '/news/asia/feed.xml', title: 'Asia — The Lanna Ledger (RSS)' }, { url: '/feed.xml' }],
      'application/atom+xml': [{ url: '/news/asia/atom.xml' }, { url: '/atom.xml' }],
    });
    const third = sectionMetadata({ name: 'Asia', path: '/news/asia', page: 3 }, settings);
    expect(third.alternates?.canonical).toBe(`${siteUrl()}/news/asia?page=3`);
    expect(third.title).toBe('Asia — page 3');
    expect(authorMetadata({ name: 'Kanya Srisuk', path: '/author/kanya-srisuk', jobTitle: 'Editor' }, settings)).toMatchObject({
      description: 'Stories by Kanya Srisuk (Editor, The Lanna Ledger).',
      openGraph: { type: 'profile' },
    });
    expect(homeMetadata(settings)).toMatchObject({ title: { absolute: 'The Lanna Ledger — News from the North' }, alternates: { canonical: `${siteUrl()}/` } });
    expect(siteMetadata(settings).metadataBase?.toString()).toBe(`${siteUrl()}/`);
  });

  it('keeps search, date archives and private pages out of the index', () => {
    expect(searchMetadata('floods')).toMatchObject({ title: 'Search: floods', robots: { index: false, follow: true }, alternates: { canonical: `${siteUrl()}/search` } });
    expect(dateArchiveMetadata({ name: 'November 2026', path: '/2026/11' }, settings).robots).toEqual({ index: false, follow: true });
    expect(privateMetadata('Preview').robots).toMatchObject({ index: false, follow: false });
  });

  it('cuts long descriptions at a word', () => {
    const long = `${'word '.repeat(60)}end`;
    const cut = metaDescription(long)!;
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/word…$/);
    expect(metaDescription('  ')).toBeUndefined();
  });
});
