import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, collectionPageJsonLd, newsArticleJsonLd, organizationJsonLd, personJsonLd, serializeJsonLd, webSiteJsonLd } from './json-ld';
import { HOSTILE } from './test-fixtures';
import { siteUrl } from './urls';

const publisher = { name: 'The Lanna Ledger', logo: null, sameAs: ['https://x.com/lannaledger'] };

describe('serializeJsonLd', () => {
  it('cannot close the script element or break a JavaScript parser, and round-trips', () => {
    const data = { headline: HOSTILE, nested: ['<!-- x -->', 'a\u2029b'] };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(JSON.parse(json)).toEqual(data);
    // As HTML would see it: one script element whose text is the whole JSON.
    const html = `<script type="application/ld+json">${json}</script>`;
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });
});

describe('JSON-LD builders', () => {
  it('describes a news article with everything Google asks for', () => {
    const ld = newsArticleJsonLd(
      {
        url: '/news/kok-river',
        headline: 'x'.repeat(130),
        description: 'Standfirst',
        images: [{ url: '/media/seed/river.jpg', width: 1600, height: 900 }],
        publishedAt: new Date('2026-11-29T06:00:00Z'),
        modifiedAt: new Date('2026-11-29T07:00:00Z'),
        authors: [{ name: 'Kanya Srisuk', slug: 'kanya-srisuk' }],
        sectionName: 'News',
        keywords: ['Floods', 'Kok river'],
        language: 'en',
      },
      publisher,
    );
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': `${siteUrl()}/news/kok-river` },
      image: [{ '@type': 'ImageObject', url: `${siteUrl()}/media/seed/river.jpg`, width: 1600, height: 900 }],
      datePublished: '2026-11-29T06:00:00.000Z',
      dateModified: '2026-11-29T07:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Kanya Srisuk', url: `${siteUrl()}/author/kanya-srisuk` }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'The Lanna Ledger', logo: { '@type': 'ImageObject', url: `${siteUrl()}/_broadsheet/logo.png` } },
      articleSection: 'News',
      keywords: 'Floods, Kok river',
      isAccessibleForFree: true,
    });
    expect((ld.headline as string).length).toBeLessThanOrEqual(110);
  });

  it('credits the paper when a story has no byline, and never dates a change before publication', () => {
    const ld = newsArticleJsonLd(
      { url: '/a/b', headline: 'H', description: '', images: [], publishedAt: new Date('2026-11-29T06:00:00Z'), modifiedAt: null, authors: [], sectionName: 'A', keywords: [], language: 'en' },
      publisher,
    );
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'The Lanna Ledger', url: `${siteUrl()}/` }]);
    expect(ld.dateModified).toBe('2026-11-29T06:00:00.000Z');
    expect(ld).not.toHaveProperty('keywords');
  });

  it('builds the organisation, website search, breadcrumb, person and collection', () => {
    expect(organizationJsonLd(publisher)).toMatchObject({ '@type': 'NewsMediaOrganization', url: `${siteUrl()}/`, sameAs: ['https://x.com/lannaledger'] });
    expect(webSiteJsonLd(publisher, 'en').potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${siteUrl()}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
    expect(breadcrumbJsonLd([{ name: 'Home', path: '/' }, { name: 'News', path: '/news' }]).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${siteUrl()}/` },
      { '@type': 'ListItem', position: 2, name: 'News', item: `${siteUrl()}/news` },
    ]);
    expect(personJsonLd({ name: 'Niran', slug: 'niran', jobTitle: 'Reporter' }, publisher)).toMatchObject({ '@type': 'Person', url: `${siteUrl()}/author/niran`, jobTitle: 'Reporter', worksFor: { name: 'The Lanna Ledger' } });
    const collection = collectionPageJsonLd({ url: '/news?page=2', name: 'News', items: [{ url: '/news/a', name: 'A' }] }, 'en');
    expect(collection).toMatchObject({ '@type': 'CollectionPage', url: `${siteUrl()}/news?page=2`, mainEntity: { '@type': 'ItemList', itemListElement: [{ position: 1, url: `${siteUrl()}/news/a`, name: 'A' }] } });
  });
});
