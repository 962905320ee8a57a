/** Sections and tags as readers see them: navigation, section fronts and tag archives. */
import { cache } from 'react';
import { recordTags, tags } from './cache-tags';
import { db } from './db';
import { reusedWhileFresh } from './reused-reads';

export interface SectionLink {
  id: number;
  name: string;
  path: string;
}

export interface NavSection extends SectionLink {
  children: SectionLink[];
}

export interface SectionInfo extends SectionLink {
  slug: string;
  description: string | null;
  /** The top-level section for a sub-section, null for a top-level one. */
  parent: SectionLink | null;
  children: SectionLink[];
}

export interface TagInfo {
  id: number;
  slug: string;
  name: string;
  description: string | null;
  path: string;
}

const linkSelect = { id: true, slug: true, name: true } as const;

/**
 * Top-level sections in editor order, each with its sub-sections: the header and footer navigation.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike; and, as
 * every reader page shows it, reused across renders until `nav` is invalidated.
 */
export const listNavSections = cache(
  reusedWhileFresh(
    () => '',
    async function listNavSections(): Promise<NavSection[]> {
      recordTags(tags.nav);
      const rows = await db().section.findMany({
        where: { parentId: null, showInNav: true },
        orderBy: [{ position: 'asc' }, { id: 'asc' }],
        select: {
          ...linkSelect,
          children: { where: { showInNav: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }], select: linkSelect },
        },
      });
      return rows.map((top) => ({
        id: top.id,
        name: top.name,
        path: `/${top.slug}`,
        children: top.children.map((c) => ({ id: c.id, name: c.name, path: `/${top.slug}/${c.slug}` })),
      }));
    },
  ),
);

/**
 * A top-level section by its slug, with its sub-sections.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike.
 */
export const getTopSection = cache(async function getTopSection(slug: string): Promise<SectionInfo | null> {
  const row = await db().section.findFirst({
    where: { parentId: null, slug },
    select: {
      ...linkSelect,
      description: true,
      children: { orderBy: [{ position: 'asc' }, { id: 'asc' }], select: linkSelect },
    },
  });
  if (!row) {
    recordTags(tags.missing(`/${slug}`));
    return null;
  }
  recordTags(tags.section(row.id));
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    path: `/${row.slug}`,
    description: row.description,
    parent: null,
    children: row.children.map((c) => ({ id: c.id, name: c.name, path: `/${row.slug}/${c.slug}` })),
  };
});

/**
 * A sub-section by its parent's slug and its own. Records nothing on a miss: the caller tries an article next.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike.
 */
export const getSubSection = cache(async function getSubSection(topSlug: string, slug: string): Promise<SectionInfo | null> {
  const row = await db().section.findFirst({
    where: { slug, parent: { slug: topSlug, parentId: null } },
    select: { ...linkSelect, description: true, parent: { select: linkSelect } },
  });
  if (!row || !row.parent) return null;
  recordTags(tags.section(row.id), tags.section(row.parent.id));
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    path: `/${row.parent.slug}/${row.slug}`,
    description: row.description,
    parent: { id: row.parent.id, name: row.parent.name, path: `/${row.parent.slug}` },
    children: [],
  };
});

/** A tag by its slug. Memoised per render (React `cache`): the page and its metadata ask alike. */
export const getTag = cache(async function getTag(slug: string): Promise<TagInfo | null> {
  const row = await db().tag.findUnique({ where: { slug }, select: { ...linkSelect, description: true } });
  if (!row) {
    recordTags(tags.missing(`/tag/${slug}`));
    return null;
  }
  recordTags(tags.tag(row.id));
  return { ...row, path: `/tag/${row.slug}` };
});
