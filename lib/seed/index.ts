/**
 * The demo-content generator behind `npm run db:seed` and the first `npm start` (DESIGN §5 allows
 * raw SQL here). Rows are generated and written in batches, so memory stays flat whatever the
 * article count, and every row follows from (seed, articles, now) alone.
 */
import { config } from '../config';
import { providerOf } from '../migrate';
import type { MergeReport } from '../search/fts-merge';
import { withSearchTriggersSuspended } from '../search/reindex';
import { ArticleFactory, type Catalog, type GeneratedArticle, type HeroImage } from './articles';
import { renderHeroImages, renderPortraits, type ImageFile } from './images';
import { openPostgresTarget } from './insert-postgres';
import { openSqliteTarget } from './insert-sqlite';
import { buildPeople, PORTRAIT_COUNT } from './people';
import { Random } from './random';
import { buildSections } from './sections';
import { PAGES, SETTINGS } from './site';
import { withSuffix } from './slug';
import { buildTags } from './tags';
import { TABLES, type TableRows, type Value } from './tables';
import { slugKey, type SeedTarget } from './target';
import { IMAGE_CREDITS, IMAGE_SCENES } from './words';

export interface SeedOptions {
  /** DATABASE_URL of a migrated database. */
  url: string;
  articles: number;
  seed?: string | number;
  /** Replace existing content instead of refusing. */
  reset?: boolean;
  /** Dates are relative to this; defaults to the current hour. */
  now?: Date;
  /** Defaults to config().MEDIA_DIR. */
  mediaDir?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedResult {
  articles: number;
  sections: number;
  tags: number;
  people: number;
  media: number;
  pages: number;
  homeSlots: number;
  viewBuckets: number;
  elapsedMs: number;
  /** Of elapsedMs: rebuilding the search index after the load. */
  searchIndexMs: number;
  /** Of `searchIndexMs`, merging the SQLite index's segments (docs/adr/030). */
  searchMerge: MergeReport;
  databaseBytes: number;
}

const CONTENT_NOUNS: Record<string, string> = {
  Article: 'articles', Section: 'sections', Tag: 'tags', Person: 'people', Page: 'pages', Media: 'media files',
};

/** The database already holds content and `reset` was not asked for. */
export class SeedRefusedError extends Error {}

const BATCH = 2000;
/**
 * Article ids per statement of the search-index rebuild. Each statement leaves one FTS5 segment
 * per index and nothing merges them: 20 at 1,000,000 articles, which searches read about as fast
 * as one (docs/adr/022, 023).
 */
const REINDEX_BATCH = 50_000;
const HOUR = 3600_000;
/** Published articles kept in memory for the home page and most-read data. */
const RECENT = 300;
const HOURLY_READS = [0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1, 1.6, 1.8, 1.6, 1.4, 1.3, 1.6, 1.4, 1.2, 1.2, 1.3, 1.5, 1.8, 2, 2, 1.7, 1.2, 0.6];

interface Recent {
  id: number;
  publishedAt: Date;
  topSectionId: number;
  isFeatured: boolean;
  hasHero: boolean;
  isOpinion: boolean;
}

export function currentHour(): Date {
  return new Date(Math.floor(Date.now() / HOUR) * HOUR);
}

async function openTarget(url: string): Promise<SeedTarget> {
  return providerOf(url) === 'sqlite' ? openSqliteTarget(url) : openPostgresTarget(url);
}

function mediaRows(files: { file: ImageFile; alt: string; caption: string | null; credit: string }[], at: Date): Value[][] {
  return files.map(({ file, alt, caption, credit }, i) => [
    i + 1, file.path, file.originalName, 'image/jpeg', file.width, file.height, file.bytes, alt, caption, credit,
    file.focalX, file.focalY, JSON.stringify(file.variants), at, at,
  ]);
}

/** Writes media, sections, tags, people, pages and settings; returns what articles refer to. */
async function seedCatalog(target: SeedTarget, mediaDir: string, since: Date, reset: boolean): Promise<{ catalog: Catalog; counts: Partial<SeedResult> }> {
  const [heroFiles, portraitFiles] = await Promise.all([renderHeroImages(mediaDir), renderPortraits(mediaDir, PORTRAIT_COUNT)]);
  const sections = buildSections();
  const tags = buildTags();
  const people = buildPeople();

  const heroes: HeroImage[] = heroFiles.map((file, i) => {
    const scene = IMAGE_SCENES[i]!;
    return { mediaId: i + 1, scene: scene.kind, alt: scene.alt, caption: scene.caption, credit: IMAGE_CREDITS[i % IMAGE_CREDITS.length]! };
  });
  const portraitOwners = people.filter((p) => p.portrait !== null).sort((a, b) => a.portrait! - b.portrait!);
  const media = mediaRows(
    [
      ...heroFiles.map((file, i) => ({ file, alt: heroes[i]!.alt, caption: heroes[i]!.caption, credit: heroes[i]!.credit })),
      ...portraitFiles.map((file, i) => ({ file, alt: `Illustrated portrait of ${portraitOwners[i]!.name}`, caption: null, credit: IMAGE_CREDITS[2] })),
    ],
    since,
  );
  const portraitId = (index: number | null) => (index === null ? null : heroFiles.length + index + 1);

  const json = JSON.stringify;
  const batch: TableRows[] = [
    { table: TABLES.media, rows: media },
    {
      table: TABLES.section,
      rows: sections.map((s) => [s.id, s.slug, s.name, s.description, s.parentId, s.position, true, since, since]),
    },
    { table: TABLES.tag, rows: tags.map((t) => [t.id, t.slug, t.name, t.description, since, since]) },
    {
      table: TABLES.person,
      rows: people.map((p) => [p.id, p.slug, p.name, p.jobTitle, p.bio, portraitId(p.portrait), json(p.socialLinks), since, since]),
    },
    {
      table: TABLES.page,
      rows: PAGES.map((page, i) => [i + 1, page.slug, page.title, json(page.body), true, true, i, since, since]),
    },
    {
      table: TABLES.settings,
      // Without --reset, settings someone already saved win over the demo's.
      keepExisting: !reset,
      rows: [[1, SETTINGS.name, SETTINGS.tagline, SETTINGS.timeZone, SETTINGS.language, json(SETTINGS.socialLinks), json(SETTINGS.sponsoredLinks), json(SETTINGS.appPromo), SETTINGS.footerText, since]],
    },
  ];
  await target.write(batch);
  return {
    catalog: { sections, tags, people, heroes },
    counts: { sections: sections.length, tags: tags.length, people: people.length, media: media.length, pages: PAGES.length },
  };
}

/**
 * Gives each article a slug unique within its top-level section and distinct from that
 * section's sub-sections: the first free of `slug`, `slug-2`, `slug-3`… in id order. Checks the
 * database, this batch and the previous batch (which may still be being written).
 */
async function resolveSlugs(
  target: SeedTarget,
  articles: GeneratedArticle[],
  previous: ReadonlySet<string>,
  reserved: ReadonlyMap<number, ReadonlySet<string>>,
): Promise<Set<string>> {
  const claimed = new Set<string>();
  const bases = new Map(articles.map((a) => [a.id, a.slug]));
  let pending = articles.map((article) => ({ article, n: 1 }));
  while (pending.length) {
    const retry: typeof pending = [];
    const candidates: { entry: (typeof pending)[number]; slug: string; key: string }[] = [];
    for (const entry of pending) {
      const slug = withSuffix(bases.get(entry.article.id)!, entry.n);
      const key = slugKey(entry.article.topSectionId, slug);
      if (reserved.get(entry.article.topSectionId)?.has(slug) || claimed.has(key) || previous.has(key)) {
        entry.n++;
        retry.push(entry);
        continue;
      }
      claimed.add(key);
      candidates.push({ entry, slug, key });
    }
    const taken = await target.takenSlugs(candidates.map((c) => ({ topSectionId: c.entry.article.topSectionId, slug: c.slug })));
    for (const candidate of candidates) {
      if (taken.has(candidate.key)) {
        claimed.delete(candidate.key);
        candidate.entry.n++;
        retry.push(candidate.entry);
      } else candidate.entry.article.slug = candidate.slug;
    }
    pending = retry.sort((a, b) => a.article.id - b.article.id);
  }
  return claimed;
}

function articleRows(articles: GeneratedArticle[]): TableRows[] {
  const article: Value[][] = [];
  const sections: Value[][] = [];
  const tags: Value[][] = [];
  const bylines: Value[][] = [];
  for (const a of articles) {
    const listed = a.publicationState === 'published' ? a.publishedAt : null;
    article.push([
      a.id, a.slug, a.headline, a.standfirst, a.body, a.primarySectionId, a.topSectionId, a.hero?.mediaId ?? null,
      a.hero?.alt ?? null, a.hero?.caption ?? null, a.hero?.credit ?? null, a.publicationState, a.editorialState,
      a.publishedAt, a.publishedAt, a.scheduledAt, a.contentUpdatedAt, a.createdAt, a.updatedAt, a.isFeatured,
      a.isOpinion, a.correction, a.wordCount, a.readingMinutes, a.version,
    ]);
    if (a.secondarySectionId !== null) sections.push([a.id, a.secondarySectionId, listed]);
    for (const tagId of a.tagIds) tags.push([a.id, tagId, listed]);
    a.bylineIds.forEach((personId, position) => bylines.push([a.id, personId, position, listed]));
  }
  return [
    { table: TABLES.article, rows: article },
    { table: TABLES.articleSection, rows: sections },
    { table: TABLES.articleTag, rows: tags },
    { table: TABLES.articleByline, rows: bylines },
  ];
}

/** One lead and four top stories: the newest published pieces with pictures, news before opinion. */
function homeSlotRows(recent: Recent[]): Value[][] {
  const newest = [...recent].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const eligible = newest.filter((a) => a.hasHero && !a.isOpinion);
  const lead = eligible.find((a) => a.isFeatured) ?? eligible[0] ?? newest[0];
  if (!lead) return [];
  const top: Recent[] = [];
  const usedSections = new Set([lead.topSectionId]);
  for (const candidate of [...eligible, ...newest]) {
    if (top.length === 4) break;
    if (candidate === lead || top.includes(candidate)) continue;
    // Prefer a spread of sections; fall back to whatever is newest on the second pass.
    if (usedSections.has(candidate.topSectionId) && eligible.includes(candidate)) continue;
    usedSections.add(candidate.topSectionId);
    top.push(candidate);
  }
  return [
    [1, 'lead', 0, lead.id, false],
    ...top.map((a, i) => [i + 2, 'top', i, a.id, false]),
  ];
}

/** Hourly reads for the last 48 hours: a few articles read far more than the rest, new ones most. */
function viewBucketRows(recent: Recent[], now: Date, seed: string): Value[][] {
  const rng = new Random(`${seed}:views`);
  const currentHourStart = Math.floor(now.getTime() / HOUR) * HOUR;
  const rows: Value[][] = [];
  for (const article of recent) {
    const popularity = 4 + 900 * rng.next() ** 4;
    for (let k = 47; k >= 0; k--) {
      const hour = currentHourStart - k * HOUR;
      if (hour + HOUR <= article.publishedAt.getTime()) continue;
      const age = Math.max(0, (hour - article.publishedAt.getTime()) / HOUR);
      const freshness = 0.1 + 0.9 * Math.exp(-age / 30);
      const local = new Date(hour + 7 * HOUR).getUTCHours();
      const count = Math.round(popularity * freshness * (HOURLY_READS[local]! / 2) * (0.7 + 0.6 * rng.next()));
      if (count > 0) rows.push([article.id, new Date(hour), count]);
    }
  }
  return rows;
}

/** Everything but the search index: the catalog, the articles in batches, home slots and views. */
async function writeContent(
  target: SeedTarget,
  { total, seed, now, mediaDir, reset, onProgress }: { total: number; seed: string; now: Date; mediaDir: string; reset: boolean; onProgress?: SeedOptions['onProgress'] },
): Promise<Omit<SeedResult, 'articles' | 'elapsedMs' | 'searchIndexMs' | 'searchMerge' | 'databaseBytes'>> {
  // Catalog rows date from before the first article.
  const since = new Date(now.getTime() - 760 * 24 * HOUR);
  const { catalog, counts: catalogCounts } = await seedCatalog(target, mediaDir, since, reset);
  const reserved = new Map<number, Set<string>>();
  for (const s of catalog.sections) if (s.parentId !== null) reserved.set(s.topId, (reserved.get(s.topId) ?? new Set()).add(s.slug));

  const factory = new ArticleFactory(catalog, seed, total, now);
  let recent: Recent[] = [];
  let previous = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  onProgress?.(0, total);
  try {
    for (let start = 0; start < total; start += BATCH) {
      const articles: GeneratedArticle[] = [];
      for (let i = start; i < Math.min(total, start + BATCH); i++) articles.push(factory.generate(i));
      const claimed = await resolveSlugs(target, articles, previous, reserved);
      for (const a of articles) {
        if (a.publicationState !== 'published' || !a.publishedAt) continue;
        recent.push({ id: a.id, publishedAt: a.publishedAt, topSectionId: a.topSectionId, isFeatured: a.isFeatured, hasHero: a.hero !== null, isOpinion: a.isOpinion });
      }
      if (recent.length > RECENT * 2) recent = recent.slice(-RECENT);
      const rows = articleRows(articles);
      // Generate the next batch while the database writes this one.
      await writing;
      const done = Math.min(total, start + BATCH);
      writing = target.write(rows).then(() => onProgress?.(done, total));
      // A failure surfaces at the next await of `writing`; until then it is not unhandled.
      writing.catch(() => undefined);
      previous = claimed;
    }
    await writing;
  } finally {
    // Never leave a batch in flight behind a failure: the index rebuild comes next.
    await writing.catch(() => undefined);
  }

  recent = recent.slice(-RECENT);
  const homeSlots = homeSlotRows(recent);
  const views = viewBucketRows(recent, now, seed);
  await target.write([
    { table: TABLES.homeSlot, rows: homeSlots },
    { table: TABLES.viewBucket, rows: views },
  ]);
  return {
    sections: catalogCounts.sections!,
    tags: catalogCounts.tags!,
    people: catalogCounts.people!,
    media: catalogCounts.media!,
    pages: catalogCounts.pages!,
    homeSlots: homeSlots.length,
    viewBuckets: views.length,
  };
}

/**
 * Fills a migrated database with the demo newspaper. Refuses (SeedRefusedError) when it already
 * has content unless `reset` is set, which empties the content tables first.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const total = options.articles;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`articles must be a whole number ≥ 0 (got ${total})`);
  const seed = String(options.seed ?? 1);
  const reset = options.reset ?? false;
  const now = options.now ?? currentHour();
  const mediaDir = options.mediaDir ?? config().MEDIA_DIR;

  const target = await openTarget(options.url);
  try {
    const counts = await target.contentCounts();
    const present = Object.entries(counts).filter(([, n]) => n > 0);
    if (present.length && !reset) {
      const list = present.map(([name, n]) => `${n.toLocaleString('en-US')} ${CONTENT_NOUNS[name] ?? name}`).join(', ');
      throw new SeedRefusedError(`The database already has content (${list}); seed with --reset to replace it.`);
    }
    // The search triggers would re-read every article once for itself and once per byline;
    // suspended, the index is rebuilt in one pass after the last batch (docs/adr/016).
    const { result: written, reindex } = await withSearchTriggersSuspended(
      target.searchConnection(),
      async () => {
        if (reset) await target.reset();
        return writeContent(target, { total, seed, now, mediaDir, reset, onProgress: options.onProgress });
      },
      { batchSize: REINDEX_BATCH },
    );
    await target.finish();
    return {
      ...written,
      articles: total,
      searchIndexMs: reindex.ms,
      searchMerge: reindex.merge,
      elapsedMs: Math.round(performance.now() - started),
      databaseBytes: await target.size(),
    };
  } finally {
    await target.close();
  }
}
