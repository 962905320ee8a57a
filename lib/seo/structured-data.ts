/**
 * The JSON-LD each reader page kind carries, composed from the builders in json-ld.ts. Pages pass
 * the result to `<JsonLd data={…} />` (components/seo/json-ld.tsx).
 */
import { publisherOf, type ArticleSeo, type SeoSettings } from './data';
import {
  breadcrumbJsonLd,
  collectionPageJsonLd,
  newsArticleJsonLd,
  organizationJsonLd,
  personJsonLd,
  webSiteJsonLd,
  type Crumb,
  type JsonLd,
  type PersonInput,
} from './json-ld';
import { articleShareImage } from './metadata';
import { paginatedPath, paths } from './urls';

/** Home: the publisher and the site with its search action. */
export function homeStructuredData(settings: SeoSettings): JsonLd[] {
  const publisher = publisherOf(settings);
  return [organizationJsonLd(publisher), webSiteJsonLd(publisher, settings.language)];
}

/** Article: `NewsArticle` and its breadcrumb (home › section › sub-section). */
export function articleStructuredData(article: ArticleSeo, settings: SeoSettings): JsonLd[] {
  const crumbs: Crumb[] = [{ name: settings.name, path: paths.home }];
  if (article.parentSection) crumbs.push(article.parentSection);
  crumbs.push({ name: article.sectionName, path: article.sectionPath });
  crumbs.push({ name: article.headline, path: article.path });
  return [
    newsArticleJsonLd(
      {
        url: article.canonicalUrl ?? article.path,
        headline: article.headline,
        description: article.description,
        images: [articleShareImage(article)],
        publishedAt: article.publishedAt,
        modifiedAt: article.modifiedAt,
        authors: article.authors,
        sectionName: article.sectionName,
        keywords: article.keywords,
        wordCount: article.wordCount,
        language: settings.language,
      },
      publisherOf(settings),
    ),
    breadcrumbJsonLd(crumbs),
  ];
}

export interface ListingStructuredInput {
  name: string;
  description?: string | null;
  path: string;
  page?: number;
  /** Ancestors between home and this listing (a sub-section's parent). */
  parents?: readonly Crumb[];
  items: readonly { path: string; headline: string }[];
}

/** Section, tag and date listings: `CollectionPage` with its stories, and a breadcrumb. */
export function listingStructuredData(listing: ListingStructuredInput, settings: SeoSettings): JsonLd[] {
  return [
    collectionPageJsonLd(
      {
        url: paginatedPath(listing.path, listing.page),
        name: listing.name,
        description: listing.description,
        items: listing.items.map((i) => ({ url: i.path, name: i.headline })),
      },
      settings.language,
    ),
    breadcrumbJsonLd([{ name: settings.name, path: paths.home }, ...(listing.parents ?? []), { name: listing.name, path: listing.path }]),
  ];
}

/** Author page: the `Person`, and the listing of their stories. */
export function authorStructuredData(person: PersonInput, listing: Omit<ListingStructuredInput, 'name' | 'path'>, settings: SeoSettings): JsonLd[] {
  return [
    personJsonLd(person, publisherOf(settings)),
    ...listingStructuredData({ ...listing, name: person.name, path: paths.author(person.slug) }, settings),
  ];
}
