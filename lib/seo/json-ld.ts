/**
 * schema.org JSON-LD for reader pages (issue 6): plain builders returning objects, and one
 * serialiser that makes any of them safe inside `<script type="application/ld+json">`.
 */
import { absoluteUrl, paths } from './urls';

export type JsonLd = Record<string, unknown>;

export interface ImageRef {
  /** Site-relative (`/media/…`) or absolute. */
  url: string;
  width?: number | null;
  height?: number | null;
  alt?: string | null;
}

export interface PersonRef {
  name: string;
  slug: string;
}

export interface Publisher {
  name: string;
  /** The site logo; without one, the generated wordmark at {@link paths.logo}. */
  logo?: ImageRef | null;
  sameAs?: readonly string[];
}

export interface Crumb {
  name: string;
  path: string;
}

const CONTEXT = 'https://schema.org';

/**
 * JSON for an inline script element. `<`, `>` and `&` become `\u003c`-style escapes, so no
 * value can close the element (`</script>`) or open a comment, and U+2028/U+2029 are escaped for
 * consumers that parse the block as JavaScript. The result is still valid JSON with equal values.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function imageObject(image: ImageRef): JsonLd {
  return {
    '@type': 'ImageObject',
    url: absoluteUrl(image.url),
    ...(image.width ? { width: image.width } : {}),
    ...(image.height ? { height: image.height } : {}),
  };
}

function organizationId(): string {
  return absoluteUrl('/#organization');
}

/** The publisher as a `NewsMediaOrganization` with a logo (Google requires one for articles). */
export function organizationJsonLd(publisher: Publisher): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(),
    name: publisher.name,
    url: absoluteUrl(paths.home),
    logo: imageObject(publisher.logo ?? { url: paths.logo, width: 600, height: 60 }),
    ...(publisher.sameAs?.length ? { sameAs: [...publisher.sameAs] } : {}),
  };
}

/** `WebSite` with a sitelinks search box pointing at `/search?q=`. */
export function webSiteJsonLd(publisher: Publisher, language: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': absoluteUrl('/#website'),
    name: publisher.name,
    url: absoluteUrl(paths.home),
    inLanguage: language,
    publisher: { '@id': organizationId() },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(paths.search)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export interface NewsArticleInput {
  /** The canonical URL (absolute, or site-relative). */
  url: string;
  headline: string;
  description: string;
  images: readonly ImageRef[];
  publishedAt: Date;
  modifiedAt?: Date | null;
  authors: readonly PersonRef[];
  sectionName: string;
  keywords: readonly string[];
  wordCount?: number;
  language: string;
}

/** Google caps article headlines at 110 characters in rich results. */
const HEADLINE_MAX = 110;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function newsArticleJsonLd(article: NewsArticleInput, publisher: Publisher): JsonLd {
  const url = absoluteUrl(article.url);
  const modified = article.modifiedAt && article.modifiedAt > article.publishedAt ? article.modifiedAt : article.publishedAt;
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: clip(article.headline, HEADLINE_MAX),
    description: article.description,
    image: article.images.map(imageObject),
    datePublished: article.publishedAt.toISOString(),
    dateModified: modified.toISOString(),
    author: article.authors.length
      ? article.authors.map((a) => personRef(a))
      : [{ '@type': 'Organization', name: publisher.name, url: absoluteUrl(paths.home) }],
    publisher: { '@type': 'NewsMediaOrganization', '@id': organizationId(), name: publisher.name, logo: imageObject(publisher.logo ?? { url: paths.logo, width: 600, height: 60 }) },
    articleSection: article.sectionName,
    ...(article.keywords.length ? { keywords: article.keywords.join(', ') } : {}),
    ...(article.wordCount ? { wordCount: article.wordCount } : {}),
    inLanguage: article.language,
    isAccessibleForFree: true,
  };
}

function personRef(person: PersonRef): JsonLd {
  return { '@type': 'Person', name: person.name, url: absoluteUrl(paths.author(person.slug)) };
}

export function breadcrumbJsonLd(crumbs: readonly Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: absoluteUrl(crumb.path) })),
  };
}

export interface PersonInput extends PersonRef {
  jobTitle?: string | null;
  description?: string | null;
  image?: ImageRef | null;
  sameAs?: readonly string[];
}

/** `Person` on an author page, working for the publisher. */
export function personJsonLd(person: PersonInput, publisher: Publisher): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'Person',
    '@id': `${absoluteUrl(paths.author(person.slug))}#person`,
    name: person.name,
    url: absoluteUrl(paths.author(person.slug)),
    ...(person.jobTitle ? { jobTitle: person.jobTitle } : {}),
    ...(person.description ? { description: person.description } : {}),
    ...(person.image ? { image: imageObject(person.image) } : {}),
    ...(person.sameAs?.length ? { sameAs: [...person.sameAs] } : {}),
    worksFor: { '@type': 'NewsMediaOrganization', '@id': organizationId(), name: publisher.name },
  };
}

export interface CollectionInput {
  /** The page's own URL, `?page=N` included after page 1. */
  url: string;
  name: string;
  description?: string | null;
  /** The stories listed on this page, in order. */
  items: readonly { url: string; name: string }[];
}

/** `CollectionPage` for section, tag, date and home listings, with the listed stories as an `ItemList`. */
export function collectionPageJsonLd(page: CollectionInput, language: string): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    url: absoluteUrl(page.url),
    name: page.name,
    ...(page.description ? { description: page.description } : {}),
    inLanguage: language,
    isPartOf: { '@id': absoluteUrl('/#website') },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: page.items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, url: absoluteUrl(item.url), name: item.name })),
    },
  };
}
