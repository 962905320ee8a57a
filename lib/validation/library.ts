/**
 * Schemas for the newsroom library forms: home curation, breaking bar, site settings, sections,
 * tags, people and static pages. Actions and lib/ functions share them; types come from z.infer.
 */
import { z } from 'zod';
import { bodySchema, safeHref } from './body';
import { plainText } from './text';
import { MAX_ID } from './ids';

const id = z.coerce.number().int().positive().max(MAX_ID);

/** Top stories under the lead on the home page. */
export const MAX_TOP_STORIES = 8;
/** How many top stories the reader home shows; picks beyond them wait below. */
export const HOME_TOP_STORIES = 4;

export const homeCurationSchema = z
  .object({
    leadId: id.nullable(),
    top: z.array(z.object({ articleId: id, pinned: z.boolean() })).max(MAX_TOP_STORIES, `At most ${MAX_TOP_STORIES} top stories.`),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<number>(value.leadId ? [value.leadId] : []);
    value.top.forEach((slot, i) => {
      if (seen.has(slot.articleId)) ctx.addIssue({ code: 'custom', path: ['top', i], message: 'A story can appear only once on the home page.' });
      seen.add(slot.articleId);
    });
  });
export type HomeCurationInput = z.infer<typeof homeCurationSchema>;

/** How long a breaking bar stays up, in minutes: the choices the form offers. */
export const BREAKING_DURATIONS = [15, 30, 60, 120, 240, 480, 720, 1440, 2880] as const;

export const breakingBarSchema = z.object({
  text: plainText().trim().min(1, 'Write the breaking news line.').max(200, 'Keep the line under 200 characters.'),
  url: z.union([z.literal(''), safeHref]).default(''),
  minutes: z.coerce
    .number()
    .int()
    .refine((m) => (BREAKING_DURATIONS as readonly number[]).includes(m), 'Choose how long the bar stays up.'),
});
export type BreakingBarInput = z.infer<typeof breakingBarSchema>;


const httpUrl = plainText()
  .trim()
  .max(2048, 'Links must be at most 2048 characters.')
  .refine((v) => /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), 'Enter a full link starting with https://');

export const SOCIAL_NETWORKS = ['facebook', 'x', 'instagram', 'youtube', 'tiktok', 'line', 'linkedin', 'threads', 'bluesky', 'mastodon'] as const;
export const MAX_SPONSORED_LINKS = 8;

/** IANA zone names this runtime knows (Asia/Bangkok, Europe/London, UTC…). */
const timeZones = new Set<string>([...Intl.supportedValuesOf('timeZone'), 'UTC']);

export const siteSettingsSchema = z.object({
  name: plainText().trim().min(1, 'The site needs a name.').max(120, 'Keep the name under 120 characters.'),
  tagline: plainText().trim().max(200, 'Keep the tagline under 200 characters.'),
  logoId: id.nullable(),
  timeZone: plainText().refine((tz) => timeZones.has(tz), 'Choose a time zone from the list.'),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/, 'Use a language tag such as en, th or en-GB.'),
  socialLinks: z.array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: httpUrl })).max(SOCIAL_NETWORKS.length),
  sponsoredLinks: z
    .array(z.object({ label: plainText().trim().min(1, 'Each sponsored link needs a label.').max(120), url: httpUrl }))
    .max(MAX_SPONSORED_LINKS, `At most ${MAX_SPONSORED_LINKS} sponsored links.`),
  appPromo: z
    .object({
      title: plainText().trim().min(1, 'The app promotion needs a title.').max(120),
      text: plainText().trim().max(300),
      url: httpUrl,
    })
    .nullable(),
  footerText: plainText().trim().max(1000, 'Keep the footer under 1000 characters.'),
  blockAiCrawlers: z.boolean(),
  feedFullContent: z.boolean(),
});
export type SiteSettingsInput = z.infer<typeof siteSettingsSchema>;


/** Top-level paths that belong to the application (DESIGN §4), plus the newsletter pages. */
export const RESERVED_TOP_LEVEL = new Set([
  'admin', 'api', 'search', 'tag', 'author', 'media', 'sitemaps', 'preview', 'page', 'category', 'feed',
  'feed.xml', 'atom.xml', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'favicon.ico', '_next', 'newsletter',
]);

export const slugSchema = plainText()
  .trim()
  .toLowerCase()
  .min(1, 'Enter a slug.')
  .max(80, 'Keep the slug under 80 characters.')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, e.g. local-news.');

/** Why `slug` cannot be a top-level path (a section or a static page), or null when it can. */
export function topLevelSlugProblem(slug: string): string | null {
  if (RESERVED_TOP_LEVEL.has(slug)) return `/${slug} is used by the site itself; choose another slug.`;
  if (/^\d+$/.test(slug)) return 'A top-level slug cannot be only digits: those URLs are date archives.';
  if (slug.startsWith('wp-')) return 'Slugs starting with wp- are kept for old WordPress addresses.';
  return null;
}

/** A URL slug made from a name: "Chiang Rai & Mae Sai" → "chiang-rai-mae-sai". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

const optionalText = (max: number, label: string) => plainText().trim().max(max, `${label} must be at most ${max} characters.`).default('');

export const sectionSchema = z.object({
  name: plainText().trim().min(1, 'Give the section a name.').max(80, 'Keep the name under 80 characters.'),
  slug: slugSchema,
  description: optionalText(500, 'The description'),
  parentId: id.nullable().default(null),
  showInNav: z.boolean().default(true),
});
export type SectionInput = z.infer<typeof sectionSchema>;

export const tagSchema = z.object({
  name: plainText().trim().min(1, 'Give the tag a name.').max(80, 'Keep the name under 80 characters.'),
  slug: slugSchema,
  description: optionalText(500, 'The description'),
});
export type TagInput = z.infer<typeof tagSchema>;

export const listQuerySchema = z.object({
  q: plainText().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});


export const personSchema = z.object({
  name: plainText().trim().min(1, 'Enter the person’s name.').max(120, 'Keep the name under 120 characters.'),
  slug: slugSchema,
  jobTitle: optionalText(120, 'The job title'),
  bio: optionalText(3000, 'The biography'),
  photoId: id.nullable().default(null),
  userId: id.nullable().default(null),
  socialLinks: z.array(z.object({ network: z.enum(SOCIAL_NETWORKS), url: httpUrl })).max(SOCIAL_NETWORKS.length).default([]),
});
export type PersonInput = z.infer<typeof personSchema>;

/** What an author may change on their own profile. */
export const ownProfileSchema = personSchema.pick({ jobTitle: true, bio: true, photoId: true, socialLinks: true });

export const pageSchema = z.object({
  title: plainText().trim().min(1, 'Give the page a title.').max(200, 'Keep the title under 200 characters.'),
  slug: slugSchema,
  body: bodySchema,
  published: z.boolean().default(true),
  showInFooter: z.boolean().default(true),
});
export type PageInput = z.infer<typeof pageSchema>;

export { id as idSchema, timeZones };
