/** Public site settings (the single SiteSettings row), validated at the boundary. */
import { cache } from 'react';
import { z } from 'zod';
import { recordTags, tags } from './cache-tags';
import { db, type Prisma } from './db';
import { dateFormat } from './format';
import { reusedWhileFresh } from './reused-reads';

const linkUrl = z.url({ protocol: /^https?$/ });

const socialLinksSchema = z.array(z.object({ network: z.string().min(1).max(40), url: linkUrl }));
const sponsoredLinksSchema = z.array(z.object({ label: z.string().min(1).max(200), url: linkUrl }));
const appPromoSchema = z.object({ title: z.string().min(1).max(200), text: z.string().max(500), url: linkUrl });

export type SocialLink = z.infer<typeof socialLinksSchema>[number];
export type SponsoredLink = z.infer<typeof sponsoredLinksSchema>[number];
export type AppPromo = z.infer<typeof appPromoSchema>;

export interface SiteSettings {
  name: string;
  tagline: string;
  timeZone: string;
  language: string;
  footerText: string;
  socialLinks: SocialLink[];
  sponsoredLinks: SponsoredLink[];
  appPromo: AppPromo | null;
}

const FALLBACK: SiteSettings = {
  name: 'Broadsheet',
  tagline: '',
  timeZone: 'UTC',
  language: 'en',
  footerText: '',
  socialLinks: [],
  sponsoredLinks: [],
  appPromo: null,
};

/** A malformed JSON setting hides that block instead of breaking every page. */
function parsed<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const result = schema.safeParse(value);
  return result.success ? result.data : fallback;
}

function validTimeZone(zone: string): string {
  try {
    dateFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

const settingsRowSelect = {
  name: true,
  tagline: true,
  timeZone: true,
  language: true,
  footerText: true,
  socialLinks: true,
  sponsoredLinks: true,
  appPromo: true,
  blockAiCrawlers: true,
  feedFullContent: true,
  updatedAt: true,
  logo: { select: { path: true, width: true, height: true, alt: true, mimeType: true, bytes: true, deletedAt: true } },
  breakingText: true,
  breakingUrl: true,
  breakingExpiresAt: true,
} satisfies Prisma.SiteSettingsSelect;

/**
 * The settings row with what every reader page reads of it — the site settings, the SEO settings
 * and the breaking bar — in one read per render (React `cache`) instead of three, reused across
 * renders until `settings` is invalidated.
 */
export const readSettingsRow = cache(
  reusedWhileFresh(
    () => '',
    async function readSettingsRow() {
      recordTags(tags.settings);
      return db().siteSettings.findUnique({ where: { id: 1 }, select: settingsRowSelect });
    },
  ),
);

/**
 * Public site settings; a fresh database without a settings row gets neutral defaults.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike.
 */
export const getSiteSettings = cache(async function getSiteSettings(): Promise<SiteSettings> {
  const row = await readSettingsRow();
  if (!row) return FALLBACK;
  return {
    name: row.name,
    tagline: row.tagline,
    timeZone: validTimeZone(row.timeZone),
    language: row.language,
    footerText: row.footerText,
    socialLinks: parsed(socialLinksSchema, row.socialLinks, []),
    sponsoredLinks: parsed(sponsoredLinksSchema, row.sponsoredLinks, []),
    appPromo: parsed(appPromoSchema.nullable(), row.appPromo ?? null, null),
  };
});
