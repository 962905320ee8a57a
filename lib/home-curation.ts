/**
 * Home-page curation: the lead story and the ordered top stories, and the breaking-news bar.
 *
 * Rules: the lead is what the editor chose (the newest story when none is). A pinned top story
 * keeps its position; unpinned top stories keep the editor's order, but a story published after
 * the curation was saved moves in above them and pushes the last one off. Stories that stop
 * being live drop out, and positions the editor left free fill with the newest. No story ever
 * appears twice.
 */
import { requireRole, type Actor } from './auth/actor';
import { invalidate, recordExpiry, recordTags, tags } from './cache-tags';
import { db, write } from './db';
import { isLiveArticle, liveArticle, liveStateSelect } from './live-article';
import { readSettingsRow } from './settings';
import { audit } from './media/audit';
import { containsText } from './media/sql';
import { safeHref } from './validation/body';
import { MAX_TOP_STORIES, breakingBarSchema, homeCurationSchema } from './validation/library';
import { parseId } from './validation/ids';
import { cleanText } from './validation/text';

const EDITORS = ['admin', 'editor'] as const;

/** A place in the lineup. The reader home loads the story cards for these ids (lib/home.ts). */
export interface LineupEntry {
  id: number;
  pinned: boolean;
  /** Set when the story came from the editor's curation, not from "newest". */
  curated: boolean;
}

export interface HomeLineup {
  lead: LineupEntry | null;
  top: LineupEntry[];
}

const storySelect = { id: true, publishedAt: true } as const;

/**
 * The home page's lead and top stories for readers (records `home` and each story's tag).
 * Other home blocks should skip the returned ids so that no story appears twice.
 */
export async function getHomeLineup({ topCount = 4 }: { topCount?: number } = {}): Promise<HomeLineup> {
  recordTags(tags.home);
  const count = Math.max(0, Math.min(topCount, MAX_TOP_STORIES));
  // Filtered in code, not through the relation: a join on the publication state made SQLite walk
  // every published article for the dozen slots (1.7 s at 1,000,000 articles; lib/live-article.ts).
  const slots = (
    await db().homeSlot.findMany({
      orderBy: [{ slot: 'asc' }, { position: 'asc' }],
      select: { slot: true, position: true, pinned: true, curatedAt: true, article: { select: { ...storySelect, ...liveStateSelect } } },
    })
  ).filter((s) => isLiveArticle(s.article));
  const leadSlot = slots.find((s) => s.slot === 'lead');
  const topSlots = slots.filter((s) => s.slot === 'top');
  const used = new Set<number>(leadSlot ? [leadSlot.article.id] : []);
  const pinned = topSlots.filter((s) => s.pinned && !used.has(s.article.id)).slice(0, count);
  pinned.forEach((s) => used.add(s.article.id));
  const unpinned = topSlots.filter((s) => !s.pinned && !used.has(s.article.id));
  unpinned.forEach((s) => used.add(s.article.id));

  // Free positions take the unpinned picks in the editor's order, with stories published since
  // the curation was saved above them; positions still free after the picks take the newest.
  const newest = await db().article.findMany({
    where: { ...liveArticle, id: { notIn: [...used] } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: count + 1,
    select: storySelect,
  });
  const savedAt = unpinned.reduce<number>((max, s) => Math.max(max, (s.curatedAt ?? s.article.publishedAt!).getTime()), -Infinity);
  const isFresh = (a: (typeof newest)[number]) => a.publishedAt!.getTime() > savedAt;
  const newestEntry = (a: (typeof newest)[number]): LineupEntry => ({ id: a.id, pinned: false, curated: false });
  const flowing: LineupEntry[] = [
    ...newest.filter(isFresh).map(newestEntry),
    ...unpinned.map((s) => ({ id: s.article.id, pinned: false, curated: true })),
    ...newest.filter((a) => !isFresh(a)).map(newestEntry),
  ];
  const pin = (s: (typeof slots)[number]): LineupEntry => ({ id: s.article.id, pinned: true, curated: true });

  // No lead chosen: the newest story leads.
  const lead = leadSlot ? pin(leadSlot) : (flowing.shift() ?? null);
  // Pinned stories sit at their chosen positions; everything else flows around them.
  const top: LineupEntry[] = [];
  const pinnedAt = new Map(pinned.map((s) => [s.position, s]));
  const queue = [...flowing];
  for (let position = 0; top.length < count && (queue.length || pinnedAt.size); position++) {
    const atPosition = pinnedAt.get(position);
    if (atPosition) {
      top.push(pin(atPosition));
      pinnedAt.delete(position);
    } else if (queue.length) {
      top.push(queue.shift()!);
    } else {
      // Pinned positions beyond the stories available close up.
      const [first] = [...pinnedAt.entries()].sort((a, b) => a[0] - b[0]);
      top.push(pin(first![1]));
      pinnedAt.delete(first![0]);
    }
  }
  recordTags(...[lead, ...top].filter((s): s is LineupEntry => s !== null).map((s) => tags.article(s.id)));
  return { lead, top };
}

export interface CurationSlot {
  articleId: number;
  headline: string;
  path: string;
  pinned: boolean;
  live: boolean;
  publishedAt: Date | null;
}

export interface CurationState {
  lead: CurationSlot | null;
  top: CurationSlot[];
}

/** What the editor curated, including stories that have since stopped being live (shown as such). */
export async function getHomeCuration(actor: Actor): Promise<CurationState> {
  requireRole(actor, ...EDITORS);
  const slots = await db().homeSlot.findMany({
    orderBy: [{ slot: 'asc' }, { position: 'asc' }],
    select: {
      slot: true,
      pinned: true,
      article: { select: { id: true, slug: true, headline: true, publicationState: true, deletedAt: true, publishedAt: true, topSection: { select: { slug: true } } } },
    },
  });
  const toSlot = (s: (typeof slots)[number]): CurationSlot => ({
    articleId: s.article.id,
    headline: s.article.headline,
    path: `/${s.article.topSection.slug}/${s.article.slug}`,
    pinned: s.pinned,
    live: isLiveArticle(s.article),
    publishedAt: s.article.publishedAt,
  });
  const lead = slots.find((s) => s.slot === 'lead');
  return { lead: lead ? toSlot(lead) : null, top: slots.filter((s) => s.slot === 'top').map(toSlot) };
}

export type CurationResult = { ok: true } | { ok: false; message: string };

/** Replaces the curation. Every story must be live; none may appear twice. */
export async function saveHomeCuration(actor: Actor, input: unknown, now = new Date()): Promise<CurationResult> {
  requireRole(actor, ...EDITORS);
  const parsed = homeCurationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const { leadId, top } = parsed.data;
  const ids = [...(leadId ? [leadId] : []), ...top.map((t) => t.articleId)];
  const result = await write(async (tx) => {
    const found = await tx.article.findMany({ where: { id: { in: ids } }, select: { id: true, ...liveStateSelect } });
    const liveIds = new Set(found.filter(isLiveArticle).map((a) => a.id));
    const missing = ids.filter((i) => !liveIds.has(i));
    if (missing.length) return { ok: false as const, message: `Only published stories can go on the home page (story ${missing.join(', ')} is not live).` };
    const before = await tx.homeSlot.findMany({ orderBy: [{ slot: 'asc' }, { position: 'asc' }], select: { slot: true, position: true, articleId: true, pinned: true } });
    await tx.homeSlot.deleteMany({});
    await tx.homeSlot.createMany({
      data: [
        ...(leadId ? [{ slot: 'lead', position: 0, articleId: leadId, pinned: true, curatedAt: now }] : []),
        ...top.map((t, position) => ({ slot: 'top', position, articleId: t.articleId, pinned: t.pinned, curatedAt: now })),
      ],
    });
    await audit(tx, actor, {
      action: 'home.curate',
      entityType: 'home',
      summary: `Curated the home page: lead ${leadId ?? 'newest'}, ${top.length} top stor${top.length === 1 ? 'y' : 'ies'}`,
      before,
      after: { leadId, top },
    });
    return { ok: true as const };
  });
  if (result.ok) await invalidate([tags.home]);
  return result;
}

/** Live stories for the curation picker, newest first, optionally matching a headline. */
export async function searchStoriesForCuration(actor: Actor, q = ''): Promise<{ id: number; headline: string; path: string; publishedAt: Date }[]> {
  requireRole(actor, ...EDITORS);
  const text = cleanText(q).trim().slice(0, 200);
  const asId = parseId(text);
  const rows = await db().article.findMany({
    where: { ...liveArticle, ...(text ? { OR: [{ headline: containsText(text) }, ...(asId ? [{ id: asId }] : [])] } : {}) },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: { id: true, slug: true, headline: true, publishedAt: true, topSection: { select: { slug: true } } },
  });
  return rows.map((r) => ({ id: r.id, headline: r.headline, path: `/${r.topSection.slug}/${r.slug}`, publishedAt: r.publishedAt! }));
}

export interface BreakingBar {
  text: string;
  url: string | null;
  expiresAt: Date;
}

/** The breaking-news bar for readers, or null once it has expired. The render expires with it. */
export async function getBreakingBar(now = new Date()): Promise<BreakingBar | null> {
  const row = await readSettingsRow();
  const text = row?.breakingText?.trim();
  if (!text || !row?.breakingExpiresAt || row.breakingExpiresAt <= now) return null;
  recordExpiry(row.breakingExpiresAt.getTime());
  // The form validates the link; a row written another way still never renders an unsafe one.
  const url = row.breakingUrl && safeHref.safeParse(row.breakingUrl).success ? row.breakingUrl.trim() : null;
  return { text, url, expiresAt: row.breakingExpiresAt };
}

/** The bar as the editor sees it, expired or not. */
export async function getBreakingBarForEditing(actor: Actor): Promise<BreakingBar | null> {
  requireRole(actor, ...EDITORS);
  const row = await db().siteSettings.findUnique({ where: { id: 1 }, select: { breakingText: true, breakingUrl: true, breakingExpiresAt: true } });
  return row?.breakingText && row.breakingExpiresAt ? { text: row.breakingText, url: row.breakingUrl, expiresAt: row.breakingExpiresAt } : null;
}

export type BreakingResult = { ok: true; bar: BreakingBar } | { ok: false; errors: Record<string, string[]> };

export class SettingsMissingError extends Error {
  readonly status = 409;
  constructor() {
    super('The site settings have not been created yet. Save them once under Settings.');
    this.name = 'SettingsMissingError';
  }
}

/** Puts up the breaking-news bar for `minutes`; readers see it on their next request. */
export async function setBreakingBar(actor: Actor, input: unknown, now = new Date()): Promise<BreakingResult> {
  requireRole(actor, ...EDITORS);
  const parsed = breakingBarSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const { text, url, minutes } = parsed.data;
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await write(async (tx) => {
    const exists = await tx.siteSettings.count({ where: { id: 1 } });
    if (!exists) throw new SettingsMissingError();
    await tx.siteSettings.update({ where: { id: 1 }, data: { breakingText: text, breakingUrl: url || null, breakingExpiresAt: expiresAt } });
    await audit(tx, actor, { action: 'breaking.set', entityType: 'settings', entityId: 1, summary: `Breaking bar until ${expiresAt.toISOString()}: ${text}` });
  });
  await invalidate([tags.settings]);
  return { ok: true, bar: { text, url: url || null, expiresAt } };
}

export async function clearBreakingBar(actor: Actor): Promise<void> {
  requireRole(actor, ...EDITORS);
  await write(async (tx) => {
    await tx.siteSettings.updateMany({ where: { id: 1 }, data: { breakingText: null, breakingUrl: null, breakingExpiresAt: null } });
    await audit(tx, actor, { action: 'breaking.clear', entityType: 'settings', entityId: 1, summary: 'Took down the breaking bar' });
  });
  await invalidate([tags.settings]);
}
