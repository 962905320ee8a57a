import { describe, expect, it } from 'vitest';
import { formatDateTime, isoInZone, parseArchiveDate, zonedMidnight } from './format';
import { parsePageParam } from './pagination';

describe('dates in the site’s time zone', () => {
  it('finds local midnight, also across a daylight-saving change and month overflow', () => {
    expect(zonedMidnight(2026, 1, 1, 'Asia/Bangkok').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(zonedMidnight(2026, 3, 29, 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(zonedMidnight(2026, 3, 30, 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(zonedMidnight(2026, 13, 1, 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('writes machine-readable times with the zone offset and readable ones in local time', () => {
    const at = new Date('2026-11-29T20:05:00Z');
    expect(isoInZone(at, 'Asia/Bangkok')).toBe('2026-11-30T03:05:00+07:00');
    expect(formatDateTime(at, 'Asia/Bangkok')).toBe('30 November 2026 at 03:05');
  });

  it('accepts only real dates in archive URLs', () => {
    expect(parseArchiveDate('2026', '02', '28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseArchiveDate('2026', '02', '30')).toBeNull();
    expect(parseArchiveDate('2026', '13')).toBeNull();
    expect(parseArchiveDate('2026', '1')).toBeNull();
    expect(parseArchiveDate('abcd', '01')).toBeNull();
  });
});

describe('the page parameter', () => {
  it('has no page 1 parameter and refuses anything but a positive whole number', () => {
    expect(parsePageParam(undefined)).toEqual({ page: 1 });
    expect(parsePageParam('3')).toEqual({ page: 3 });
    expect(parsePageParam('1')).toEqual({ redirectToFirst: true });
    for (const bad of ['0', '-1', '2.5', 'two', '02', '', ['2', '3']]) expect(parsePageParam(bad)).toEqual({ invalid: true });
  });
});
