import { recordTags, tags } from './cache-tags';
import { db } from './db';

export interface SiteSettings {
  name: string;
  tagline: string;
  timeZone: string;
  language: string;
}

const FALLBACK: SiteSettings = { name: 'Broadsheet', tagline: '', timeZone: 'UTC', language: 'en' };

/** Public site settings; a fresh database without a settings row gets neutral defaults. */
export async function getSiteSettings(): Promise<SiteSettings> {
  recordTags(tags.settings);
  const row = await db().siteSettings.findUnique({
    where: { id: 1 },
    select: { name: true, tagline: true, timeZone: true, language: true },
  });
  return row ?? FALLBACK;
}
