/**
 * The demo section tree (two levels, nav order) and the top-level slug rules of DESIGN §4,
 * which sections share with static pages.
 */

interface SectionDef {
  slug: string;
  name: string;
  description: string;
  children?: readonly Omit<SectionDef, 'children'>[];
}

export interface SeedSection {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  position: number;
  /** Id and slug of the top-level ancestor (itself for a top-level section). */
  topId: number;
  topSlug: string;
}

const SECTION_TREE: readonly SectionDef[] = [
  {
    slug: 'news',
    name: 'News',
    description: 'The day’s main stories from the North, the rest of Thailand and beyond.',
    children: [
      { slug: 'thailand', name: 'Thailand', description: 'National news from Bangkok and the provinces, read from the North.' },
      { slug: 'asia', name: 'Asia', description: 'Laos, Myanmar, China and the wider Mekong region.' },
      { slug: 'world', name: 'World', description: 'International news that reaches the North.' },
    ],
  },
  {
    slug: 'chiang-rai',
    name: 'Chiang Rai',
    description: 'City and district news from Chiang Rai province.',
    children: [
      { slug: 'mae-sai', name: 'Mae Sai', description: 'The border town, its market and the crossing to Tachileik.' },
      { slug: 'chiang-saen', name: 'Chiang Saen', description: 'The old river town, its port and the Golden Triangle.' },
    ],
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'Trade, farming, property and work in northern Thailand.',
    children: [
      { slug: 'economy', name: 'Economy', description: 'Prices, wages, border trade and the regional economy.' },
      { slug: 'property', name: 'Property', description: 'Land, housing and building in the North.' },
      { slug: 'agriculture', name: 'Agriculture', description: 'Rice, coffee, tea, fruit and the people who grow them.' },
    ],
  },
  { slug: 'politics', name: 'Politics', description: 'Councils, elections and the decisions that shape the province.' },
  {
    slug: 'tourism',
    name: 'Tourism',
    description: 'Visitors, festivals and the business of travel in the North.',
    children: [{ slug: 'festivals', name: 'Festivals', description: 'Fairs, temple festivals and the seasons of the Lanna year.' }],
  },
  {
    slug: 'environment',
    name: 'Environment',
    description: 'Air, water, forests and wildlife in the upper North.',
    children: [
      { slug: 'mekong', name: 'Mekong', description: 'The river, its dams, its fish and the towns along it.' },
      { slug: 'air-quality', name: 'Air Quality', description: 'Haze, burning and the fight for clean air.' },
    ],
  },
  {
    slug: 'sport',
    name: 'Sport',
    description: 'Football, running, Muay Thai and community sport.',
    children: [
      { slug: 'football', name: 'Football', description: 'Northern clubs, leagues and grassroots football.' },
      { slug: 'muay-thai', name: 'Muay Thai', description: 'Camps, fighters and fight nights across the North.' },
    ],
  },
  {
    slug: 'lifestyle',
    name: 'Lifestyle',
    description: 'Food, culture, homes and life in the North.',
    children: [
      { slug: 'food', name: 'Food', description: 'Markets, kitchens, coffee and the flavours of Lanna.' },
      { slug: 'arts-culture', name: 'Arts & Culture', description: 'Artists, temples, craft and performance.' },
    ],
  },
  { slug: 'technology', name: 'Technology', description: 'Connectivity, start-ups and digital life in the provinces.' },
  { slug: 'health', name: 'Health', description: 'Hospitals, public health and wellbeing.' },
  { slug: 'education', name: 'Education', description: 'Schools, universities and learning in the North.' },
  {
    slug: 'opinion',
    name: 'Opinion',
    description: 'Editorials, columns and letters from readers.',
    children: [
      { slug: 'editorials', name: 'Editorials', description: 'The view of The Lanna Ledger.' },
      { slug: 'columns', name: 'Columns', description: 'Regular columnists on life and politics in the North.' },
      { slug: 'letters', name: 'Letters', description: 'Readers write to the editor.' },
    ],
  },
];

export const STATIC_PAGE_SLUGS = ['about', 'contact', 'privacy'] as const;

const RESERVED = new Set([
  'admin', 'api', 'search', 'tag', 'author', 'media', 'sitemaps', 'preview', 'page', 'category', 'feed',
  'feed.xml', 'atom.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'favicon.ico', '_next',
]);

/** Why `slug` cannot be a top-level section or page slug, or null when it can (DESIGN §4). */
export function topLevelSlugProblem(slug: string): string | null {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) return 'must be lowercase words joined by hyphens';
  if (/^\d+$/.test(slug)) return 'must not be all digits (date archives use those)';
  if (RESERVED.has(slug)) return 'is reserved for the site’s own routes';
  if (slug.startsWith('wp-')) return 'must not start with wp-';
  return null;
}

/** Flattens the tree with ids 1..n, parents before children, positions in nav order. */
export function buildSections(): SeedSection[] {
  const out: SeedSection[] = [];
  const topLevel = new Set<string>(STATIC_PAGE_SLUGS);
  SECTION_TREE.forEach((top, position) => {
    const problem = topLevelSlugProblem(top.slug);
    if (problem) throw new Error(`Section slug "${top.slug}" ${problem}`);
    if (topLevel.has(top.slug)) throw new Error(`Top-level slug "${top.slug}" is used twice`);
    topLevel.add(top.slug);
    const id = out.length + 1;
    out.push({ id, slug: top.slug, name: top.name, description: top.description, parentId: null, position, topId: id, topSlug: top.slug });
    top.children?.forEach((child, childPosition) => {
      out.push({ ...child, id: out.length + 1, parentId: id, position: childPosition, topId: id, topSlug: top.slug });
    });
  });
  return out;
}
