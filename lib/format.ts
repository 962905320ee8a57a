/**
 * Dates for readers, always in the site's time zone (SiteSettings.timeZone), and the UTC bounds
 * of a local calendar day or month for the date archives.
 */

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

import { boundedMemo } from './bounded-memo';

const MAX_FORMATS = 200;
const formats = boundedMemo(MAX_FORMATS, (key: string) => {
  const [locale, options] = JSON.parse(key) as [string, Intl.DateTimeFormatOptions];
  return new Intl.DateTimeFormat(locale, options);
});

/**
 * A shared Intl.DateTimeFormat. Creating one costs about as much as rendering a card, and a cold
 * article page formatted a few dozen dates (7.6 ms of a render, `bench:profile`); the zones and
 * option sets in use are few, so they are kept.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return formats(JSON.stringify([locale, options]));
}

function parts(date: Date, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  const format = dateFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** The calendar date of `date` in `timeZone`. */
export function localDate(date: Date, timeZone: string): LocalDate {
  const p = parts(date, timeZone);
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day) };
}

/** Milliseconds `timeZone` is ahead of UTC at `date`. */
function offsetAt(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant local midnight starts `year-month-day` in `timeZone` (month and day may overflow, as with Date.UTC). */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when midnight falls near a DST change.
  let at = guess - offsetAt(new Date(guess), timeZone);
  at = guess - offsetAt(new Date(at), timeZone);
  return new Date(at);
}

/** A valid calendar date from URL segments, or null. */
export function parseArchiveDate(yyyy: string, mm: string, dd?: string): LocalDate | null {
  if (!/^\d{4}$/.test(yyyy) || !/^\d{2}$/.test(mm) || (dd !== undefined && !/^\d{2}$/.test(dd))) return null;
  const year = Number(yyyy);
  const month = Number(mm);
  const day = dd === undefined ? 1 : Number(dd);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return null;
  return { year, month, day };
}

/** "29 November 2026, 14:05" in the site's language and zone. */
export function formatDateTime(date: Date, timeZone: string, locale = 'en'): string {
  return dateFormat(locale === 'en' ? 'en-GB' : locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/** "29 November 2026". */
export function formatDate(date: Date, timeZone: string, locale = 'en'): string {
  return dateFormat(locale === 'en' ? 'en-GB' : locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "November 2026" or "29 November 2026" for an archive heading. */
export function formatArchiveTitle(date: LocalDate, withDay: boolean, locale = 'en'): string {
  const at = new Date(Date.UTC(date.year, date.month - 1, date.day, 12));
  return dateFormat(locale === 'en' ? 'en-GB' : locale, {
    timeZone: 'UTC',
    ...(withDay ? { day: 'numeric' } : {}),
    month: 'long',
    year: 'numeric',
  }).format(at);
}

/** An ISO 8601 timestamp with the zone's offset, for `<time datetime>`. */
export function isoInZone(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  const offset = Math.round(offsetAt(date, timeZone) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}
