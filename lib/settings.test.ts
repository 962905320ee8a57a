import { beforeAll, describe, expect, it } from 'vitest';
import { collectTags, type RenderRecord } from './cache-tags';
import { write } from './db';
import { getBreakingNews, getSiteSettings } from './settings';

beforeAll(async () => {
  await write((tx) =>
    tx.siteSettings.create({
      data: {
        id: 1,
        name: 'The Lanna Ledger',
        timeZone: 'Asia/Bangkok',
        socialLinks: [{ network: 'x', url: 'https://x.com/ledger' }],
        sponsoredLinks: [{ label: 'Coffee', url: 'javascript:alert(1)' }],
        appPromo: { title: 'App', text: 'Get it', url: 'https://example.com/app' },
      },
    }),
  );
});

describe('site settings', () => {
  it('validates JSON settings, dropping a block that is malformed rather than rendering it', async () => {
    const settings = await getSiteSettings();
    expect(settings.socialLinks).toEqual([{ network: 'x', url: 'https://x.com/ledger' }]);
    expect(settings.sponsoredLinks).toEqual([]);
    expect(settings.appPromo?.title).toBe('App');
    expect(settings.timeZone).toBe('Asia/Bangkok');
  });

  it('shows the breaking bar until it expires, and a cached page expires with it', async () => {
    const expires = new Date('2026-11-29T12:00:00Z');
    await write((tx) => tx.siteSettings.update({ where: { id: 1 }, data: { breakingText: 'Bridge closed', breakingUrl: '/news/bridge', breakingExpiresAt: expires } }));
    const record: RenderRecord = { tags: new Set() };
    const bar = await collectTags(record, () => getBreakingNews(new Date('2026-11-29T11:00:00Z')));
    expect(bar).toEqual({ text: 'Bridge closed', url: '/news/bridge' });
    expect(record.expiresAt).toBe(expires.getTime());
    expect(record.tags).toContain('settings');
    expect(await getBreakingNews(new Date('2026-11-29T12:00:01Z'))).toBeNull();
  });
});
