import { beforeAll, describe, expect, it } from 'vitest';
import { write } from './db';
import { getSiteSettings } from './settings';

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
});
