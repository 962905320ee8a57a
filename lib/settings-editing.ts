/**
 * Editing the single SiteSettings row (admins only). Readers' view of settings is lib/settings.ts.
 */
import { requireRole, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import { Prisma, db, write } from './db';
import { audit } from './media/audit';
import { siteSettingsSchema, type SiteSettingsInput } from './validation/library';

export interface EditableSettings extends SiteSettingsInput {
  logo: { id: number; url: string; alt: string } | null;
  updatedAt: Date | null;
}

const DEFAULTS: SiteSettingsInput = {
  name: 'Broadsheet',
  tagline: '',
  logoId: null,
  timeZone: 'UTC',
  language: 'en',
  socialLinks: [],
  sponsoredLinks: [],
  appPromo: null,
  footerText: '',
  blockAiCrawlers: false,
  feedFullContent: true,
};

const select = {
  name: true,
  tagline: true,
  logoId: true,
  timeZone: true,
  language: true,
  socialLinks: true,
  sponsoredLinks: true,
  appPromo: true,
  footerText: true,
  blockAiCrawlers: true,
  feedFullContent: true,
  updatedAt: true,
  logo: { select: { id: true, path: true, alt: true } },
} as const;

/** Stored JSON from older data (or the seed) is read leniently: an invalid part reads as empty. */
function lenient<K extends 'socialLinks' | 'sponsoredLinks' | 'appPromo'>(key: K, value: unknown): SiteSettingsInput[K] {
  const parsed = siteSettingsSchema.shape[key].safeParse(value ?? (key === 'appPromo' ? null : []));
  return (parsed.success ? parsed.data : DEFAULTS[key]) as SiteSettingsInput[K];
}

export async function getEditableSettings(actor: Actor): Promise<EditableSettings> {
  requireRole(actor, 'admin');
  const row = await db().siteSettings.findUnique({ where: { id: 1 }, select });
  if (!row) return { ...DEFAULTS, logo: null, updatedAt: null };
  return {
    ...row,
    socialLinks: lenient('socialLinks', row.socialLinks),
    sponsoredLinks: lenient('sponsoredLinks', row.sponsoredLinks),
    appPromo: lenient('appPromo', row.appPromo),
    logo: row.logo ? { id: row.logo.id, url: `/media/${row.logo.path}`, alt: row.logo.alt } : null,
  };
}

export type SettingsResult = { ok: true } | { ok: false; errors: Record<string, string[]> };

/** Fields whose change alters feed documents, beyond the pages that read `settings`. */
const FEED_FIELDS = ['name', 'tagline', 'language', 'feedFullContent', 'logoId'] as const;

export async function saveSettings(actor: Actor, input: unknown): Promise<SettingsResult> {
  requireRole(actor, 'admin');
  const parsed = siteSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (errors[issue.path.join('.')] ??= []).push(issue.message);
    return { ok: false, errors };
  }
  const data = parsed.data;
  const outcome = await write(async (tx) => {
    if (data.logoId !== null) {
      const logo = await tx.media.findUnique({ where: { id: data.logoId }, select: { deletedAt: true } });
      if (!logo || logo.deletedAt) return { ok: false as const, errors: { logoId: ['That image is no longer in the media library.'] } };
    }
    const before = await tx.siteSettings.findUnique({ where: { id: 1 }, select: { ...select, logo: false } });
    const values = { ...data, appPromo: data.appPromo ?? Prisma.DbNull };
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...values }, update: values });
    await audit(tx, actor, { action: 'settings.update', entityType: 'settings', entityId: 1, summary: 'Updated the site settings', before, after: data });
    const feedsChanged = !before || FEED_FIELDS.some((f) => before[f] !== data[f]);
    return { ok: true as const, feedsChanged };
  });
  if (!outcome.ok) return outcome;
  await invalidate([tags.settings, ...(outcome.feedsChanged ? [tags.feeds] : [])]);
  return { ok: true };
}
