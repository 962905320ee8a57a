/**
 * The columns the seed writes, with their types, so each database writer can encode values the
 * way Prisma's adapters do. Columns left out take their schema defaults.
 */

export type ColumnType = 'int' | 'float' | 'text' | 'json' | 'bool' | 'date';

/** A cell: JSON columns carry already-serialised text, so bodies are stringified once. */
export type Value = number | string | boolean | Date | null;

export interface TableSpec {
  name: string;
  columns: readonly (readonly [name: string, type: ColumnType])[];
}

export interface TableRows {
  table: TableSpec;
  rows: Value[][];
  /** Keep an existing row instead of failing (site settings someone already saved). */
  keepExisting?: boolean;
}

const spec = (name: string, columns: TableSpec['columns']): TableSpec => ({ name, columns });

const stamps = [
  ['createdAt', 'date'],
  ['updatedAt', 'date'],
] as const;

export const TABLES = {
  media: spec('Media', [
    ['id', 'int'], ['path', 'text'], ['originalName', 'text'], ['mimeType', 'text'], ['width', 'int'], ['height', 'int'],
    ['bytes', 'int'], ['alt', 'text'], ['caption', 'text'], ['credit', 'text'], ['focalX', 'float'], ['focalY', 'float'],
    ['variants', 'json'], ...stamps,
  ]),
  section: spec('Section', [
    ['id', 'int'], ['slug', 'text'], ['name', 'text'], ['description', 'text'], ['parentId', 'int'], ['position', 'int'],
    ['showInNav', 'bool'], ...stamps,
  ]),
  tag: spec('Tag', [['id', 'int'], ['slug', 'text'], ['name', 'text'], ['description', 'text'], ...stamps]),
  person: spec('Person', [
    ['id', 'int'], ['slug', 'text'], ['name', 'text'], ['jobTitle', 'text'], ['bio', 'text'], ['photoId', 'int'],
    ['socialLinks', 'json'], ...stamps,
  ]),
  page: spec('Page', [
    ['id', 'int'], ['slug', 'text'], ['title', 'text'], ['body', 'json'], ['published', 'bool'], ['showInFooter', 'bool'],
    ['position', 'int'], ...stamps,
  ]),
  settings: spec('SiteSettings', [
    ['id', 'int'], ['name', 'text'], ['tagline', 'text'], ['timeZone', 'text'], ['language', 'text'], ['socialLinks', 'json'],
    ['sponsoredLinks', 'json'], ['appPromo', 'json'], ['footerText', 'text'], ['updatedAt', 'date'],
  ]),
  article: spec('Article', [
    ['id', 'int'], ['slug', 'text'], ['headline', 'text'], ['standfirst', 'text'], ['body', 'json'],
    ['primarySectionId', 'int'], ['topSectionId', 'int'], ['heroImageId', 'int'], ['heroAlt', 'text'], ['heroCaption', 'text'],
    ['heroCredit', 'text'], ['publicationState', 'text'], ['editorialState', 'text'], ['publishedAt', 'date'],
    ['firstPublishedAt', 'date'], ['scheduledAt', 'date'], ['contentUpdatedAt', 'date'], ...stamps, ['isFeatured', 'bool'],
    ['isOpinion', 'bool'], ['correction', 'text'], ['wordCount', 'int'], ['readingMinutes', 'int'], ['version', 'int'],
  ]),
  articleSection: spec('ArticleSection', [['articleId', 'int'], ['sectionId', 'int'], ['publishedAt', 'date']]),
  articleTag: spec('ArticleTag', [['articleId', 'int'], ['tagId', 'int'], ['publishedAt', 'date']]),
  articleByline: spec('ArticleByline', [['articleId', 'int'], ['personId', 'int'], ['position', 'int'], ['publishedAt', 'date']]),
  homeSlot: spec('HomeSlot', [['id', 'int'], ['slot', 'text'], ['position', 'int'], ['articleId', 'int'], ['pinned', 'bool']]),
  viewBucket: spec('ViewBucket', [['articleId', 'int'], ['hour', 'date'], ['count', 'int']]),
} as const;

/** Tables holding content; a non-empty one means the database is not ours to fill. */
export const CONTENT_TABLES = ['Article', 'Section', 'Tag', 'Person', 'Page', 'Media'] as const;

/**
 * What `reset` empties, children before parents. Users, sessions and the audit log stay;
 * redirects go because they could hide the new content's URLs.
 */
export const RESET_TABLES = [
  'ViewBucket', 'HomeSlot', 'ArticleByline', 'ArticleTag', 'ArticleSection', 'Revision', 'Autosave', 'Article', 'Page',
  'Tag', 'Person', 'Section', 'SiteSettings', 'Media', 'Redirect',
] as const;

/** Tables whose ids the seed sets explicitly, so their id sequences need moving on. */
export const ID_TABLES = ['Media', 'Section', 'Tag', 'Person', 'Page', 'Article', 'HomeSlot'] as const;
