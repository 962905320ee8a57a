/**
 * One demo article per index, generated independently from (seed, index) so that batches can
 * be produced in any size without changing a single row. Index order is publication order.
 */
import { bodyText, countWords, readingMinutes } from '../validation/body';
import type { SeedPerson } from './people';
import { Random } from './random';
import type { SeedSection } from './sections';
import { slugify } from './slug';
import { STORIES, type SectionStories, type StoryKind } from './stories';
import type { SeedTag } from './tags';
import { composeStory, type InlineImage } from './text';
import { LOCAL_PLACES, type ImageScene } from './words';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SPAN_DAYS = 730;
const BANGKOK_OFFSET_MS = 7 * HOUR;

/** Relative newsroom output by hour of the day in Bangkok: little overnight, most in office hours. */
const HOURLY = [0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2.2, 2.2, 1.8, 1.4, 1.8, 2, 2, 1.8, 1.5, 1.2, 1, 0.8, 0.6, 0.4, 0.3];

/**
 * Maps article index to publication time over the two years before `now`, denser on weekdays
 * and in office hours. Monotonic, so ids follow publication order.
 */
class Timeline {
  private readonly start: number;
  private readonly cumulative: Float64Array;

  constructor(
    private readonly now: Date,
    private readonly total: number,
  ) {
    this.start = Math.floor((now.getTime() - SPAN_DAYS * DAY) / HOUR) * HOUR;
    const hours = Math.ceil((now.getTime() - this.start) / HOUR);
    this.cumulative = new Float64Array(hours + 1);
    for (let h = 0; h < hours; h++) {
      const local = new Date(this.start + h * HOUR + BANGKOK_OFFSET_MS);
      const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
      this.cumulative[h + 1] = this.cumulative[h]! + HOURLY[local.getUTCHours()]! * (weekend ? 0.6 : 1);
    }
  }

  /**
   * Time of article `index`, with `jitter` in [0, 1) placing it within the middle of its share of
   * the span, so neighbours never land on the same millisecond.
   */
  at(index: number, jitter: number): number {
    const hours = this.cumulative.length - 1;
    const target = ((index + 0.1 + 0.8 * jitter) / this.total) * this.cumulative[hours]!;
    let lo = 0;
    let hi = hours;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! <= target) lo = mid;
      else hi = mid;
    }
    const width = this.cumulative[lo + 1]! - this.cumulative[lo]!;
    const within = width > 0 ? (target - this.cumulative[lo]!) / width : 0;
    return Math.min(this.start + (lo + within) * HOUR, this.now.getTime());
  }
}

export interface HeroImage extends InlineImage {
  scene: ImageScene['kind'];
}

export interface Catalog {
  sections: readonly SeedSection[];
  tags: readonly SeedTag[];
  people: readonly SeedPerson[];
  heroes: readonly HeroImage[];
}

export type PublicationState = 'published' | 'unpublished' | 'scheduled' | 'archived';

export interface GeneratedArticle {
  id: number;
  /** Before de-duplication (index.ts adds a suffix on collision). */
  slug: string;
  headline: string;
  standfirst: string;
  body: string;
  primarySectionId: number;
  topSectionId: number;
  secondarySectionId: number | null;
  hero: HeroImage | null;
  publicationState: PublicationState;
  editorialState: 'draft' | 'in_review' | 'approved';
  publishedAt: Date | null;
  scheduledAt: Date | null;
  contentUpdatedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  isFeatured: boolean;
  isOpinion: boolean;
  correction: string | null;
  wordCount: number;
  readingMinutes: number;
  version: number;
  tagIds: number[];
  bylineIds: number[];
}

const CORRECTIONS = [
  'An earlier version of this article gave the wrong date for the council meeting.',
  'An earlier version of this article misspelled the name of a district official.',
  'An earlier version of this article overstated the cost of the project.',
  'An earlier version of this article placed the market in the wrong district.',
  'An earlier version of this article gave an incorrect figure for the number of households affected.',
  'An earlier version of this article misidentified the location shown in the photograph.',
];

interface SectionChoice {
  top: SeedSection;
  stories: SectionStories;
  weight: number;
  /** Hero images whose scene suits the section. */
  heroes: HeroImage[];
}

/** Everything derived from the catalog once, so each article only does lookups. */
export class ArticleFactory {
  private readonly choices: SectionChoice[];
  private readonly totalWeight: number;
  private readonly sectionBySlug = new Map<string, SeedSection>();
  private readonly tagByName = new Map<string, SeedTag>();
  private readonly authorsBySlug = new Map<string, SeedPerson[]>();
  private readonly timeline: Timeline;
  private readonly scheduledFrom: number;

  constructor(
    private readonly catalog: Catalog,
    private readonly seed: string,
    private readonly total: number,
    private readonly now: Date,
  ) {
    for (const section of catalog.sections) this.sectionBySlug.set(section.slug, section);
    for (const tag of catalog.tags) this.tagByName.set(tag.name, tag);
    for (const person of catalog.people) {
      for (const beat of person.beats) this.authorsBySlug.set(beat, [...(this.authorsBySlug.get(beat) ?? []), person]);
    }
    this.choices = catalog.sections
      .filter((s) => s.parentId === null)
      .map((top) => {
        const stories = STORIES[top.slug];
        if (!stories) throw new Error(`No stories for section ${top.slug}`);
        const suited = catalog.heroes.filter((h) => stories.scenes.includes(h.scene));
        return { top, stories, weight: stories.weight, heroes: suited.length ? suited : [...catalog.heroes] };
      });
    this.totalWeight = this.choices.reduce((sum, c) => sum + c.weight, 0);
    this.timeline = new Timeline(now, total);
    // The newest ~0.5% are still waiting for their slot.
    this.scheduledFrom = total - Math.max(1, Math.round(total * 0.005));
  }

  private section(slug: string): SeedSection {
    const section = this.sectionBySlug.get(slug);
    if (!section) throw new Error(`Unknown section ${slug}`);
    return section;
  }

  private chooseSection(rng: Random): SectionChoice {
    let r = rng.next() * this.totalWeight;
    for (const choice of this.choices) {
      r -= choice.weight;
      if (r < 0) return choice;
    }
    return this.choices.at(-1)!;
  }

  private chooseKind(rng: Random, stories: SectionStories, month: number): StoryKind {
    const inSeason = stories.kinds.filter((k) => !k.months || k.months.includes(month));
    return rng.pick(inSeason.length ? inSeason : stories.kinds);
  }

  private authors(rng: Random, primary: SeedSection, top: SeedSection): number[] {
    const pool = this.authorsBySlug.get(primary.slug) ?? this.authorsBySlug.get(top.slug) ?? this.catalog.people;
    const count = pool.length > 1 && rng.chance(0.18) ? 2 : 1;
    return rng.sample(pool, count).map((p) => p.id);
  }

  private tagIds(rng: Random, stories: SectionStories, kind: StoryKind, place: string | undefined): number[] {
    const names = [...rng.sample(kind.tags, rng.int(1, Math.min(3, kind.tags.length)))];
    if (rng.chance(0.5)) names.push(rng.pick(stories.tags));
    if (place) names.push(place);
    const ids = new Set<number>();
    for (const name of names) {
      const tag = this.tagByName.get(name);
      if (tag && ids.size < 5) ids.add(tag.id);
    }
    while (ids.size < 2) ids.add(rng.pick(this.catalog.tags).id);
    return [...ids];
  }

  generate(index: number): GeneratedArticle {
    const rng = new Random(`${this.seed}:article:${index}`);
    const now = this.now.getTime();
    const at = this.timeline.at(index, rng.next());
    const month = new Date(at + BANGKOK_OFFSET_MS).getUTCMonth() + 1;

    const { top, stories, heroes } = this.chooseSection(rng);
    const kind = this.chooseKind(rng, stories, month);
    const primary = kind.sub && (stories.opinion || rng.chance(0.85)) ? this.section(kind.sub) : top;
    const place = rng.pick(kind.places ?? LOCAL_PLACES);
    // A local paper tags the town when the story is about it, not when it is only set there.
    const tagIds = this.tagIds(rng, stories, kind, kind.places || rng.chance(0.5) ? place : undefined);
    const tagLinks = tagIds.map((id) => this.catalog.tags[id - 1]!).map((t) => ({ name: t.name, slug: t.slug }));
    const hero = rng.chance(0.85) ? rng.pick(heroes) : null;

    const story = composeStory(rng, {
      section: stories,
      kind,
      date: new Date(at),
      tagLinks,
      images: heroes.filter((h) => h !== hero),
      sectionName: top.name,
      place,
    });
    const words = countWords(bodyText(story.body));

    let publicationState: PublicationState = 'published';
    let editorialState: GeneratedArticle['editorialState'] = 'approved';
    const r = rng.next();
    if (index >= this.scheduledFrom) publicationState = 'scheduled';
    else if (r < 0.02) {
      publicationState = 'unpublished';
      editorialState = rng.chance(0.6) ? 'draft' : 'in_review';
    } else if (r < 0.023) publicationState = 'archived';

    const live = publicationState === 'published' || publicationState === 'archived';
    const publishedAt = live ? new Date(at) : null;
    const createdAt = new Date(live ? at - rng.int(20, 36 * 60) * 60_000 : at);
    let contentUpdatedAt: Date | null = null;
    let correction: string | null = null;
    let updatedAt = at + rng.int(0, 10) * 60_000;
    if (live) {
      const u = rng.next();
      if (u < 0.036 && at + HOUR < now) {
        contentUpdatedAt = new Date(Math.min(now, at + rng.int(30, 48 * 60) * 60_000));
        if (u < 0.006) correction = rng.pick(CORRECTIONS);
        updatedAt = contentUpdatedAt.getTime() + rng.int(0, 5) * 60_000;
      }
      if (publicationState === 'archived') updatedAt = at + rng.int(30, 300) * DAY;
    } else if (publicationState === 'unpublished') {
      updatedAt = at + rng.int(5, 3 * 24 * 60) * 60_000;
    }

    return {
      id: index + 1,
      slug: slugify(story.headline),
      headline: story.headline,
      standfirst: story.standfirst,
      body: JSON.stringify(story.body),
      primarySectionId: primary.id,
      topSectionId: top.id,
      secondarySectionId: rng.chance(0.12) ? this.secondary(rng, top) : null,
      hero,
      publicationState,
      editorialState,
      publishedAt,
      scheduledAt: publicationState === 'scheduled' ? new Date(now + rng.int(2 * 12, 5 * 24 * 12) * 5 * 60_000) : null,
      contentUpdatedAt,
      createdAt,
      updatedAt: new Date(Math.min(now, Math.max(updatedAt, createdAt.getTime()))),
      isFeatured: live && rng.chance(0.01),
      isOpinion: Boolean(stories.opinion),
      correction,
      wordCount: words,
      readingMinutes: readingMinutes(words),
      version: rng.int(1, 4),
      tagIds,
      bylineIds: this.authors(rng, primary, top),
    };
  }

  /** Another section to list the article in, outside its own top-level section. */
  private secondary(rng: Random, top: SeedSection): number {
    const others = this.catalog.sections.filter((s) => s.topId !== top.id && s.topSlug !== 'opinion');
    return rng.pick(others).id;
  }
}
