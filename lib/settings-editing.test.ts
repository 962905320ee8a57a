import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError } from './auth/actor';
import { onInvalidate } from './cache-tags';
import { db } from './db';
import { createStaff, type Staff } from './media/fixtures';
import { getEditableSettings, saveSettings } from './settings-editing';
import { getSiteSettings } from './settings';

let staff: Staff;
beforeAll(async () => {
  staff = await createStaff();
});

const valid = {
  name: 'The Lanna Ledger',
  tagline: 'News from the North',
  logoId: null,
  timeZone: 'Asia/Bangkok',
  language: 'en',
  socialLinks: [{ network: 'facebook', url: 'https://www.facebook.com/lannaledger' }],
  sponsoredLinks: [{ label: 'Homestays', url: 'https://homestays.example.com/' }],
  appPromo: { title: 'Our app', text: 'Headlines on your phone', url: 'https://example.com/app' },
  footerText: '© The Lanna Ledger',
  blockAiCrawlers: true,
  feedFullContent: false,
};

describe('site settings', () => {
  it('admins save them; readers see them on the next request', async () => {
    const seen: string[][] = [];
    const stop = onInvalidate((t) => seen.push([...t]));
    expect(await saveSettings(staff.admin, valid)).toEqual({ ok: true });
    expect(seen).toEqual([['settings', 'feeds']]);
    expect(await getSiteSettings()).toMatchObject({ name: 'The Lanna Ledger', timeZone: 'Asia/Bangkok' });
    expect(await getEditableSettings(staff.admin)).toMatchObject({ ...valid, logo: null });

    // Only the footer changes: feeds are untouched.
    seen.length = 0;
    const stop2 = onInvalidate((t) => seen.push([...t]));
    expect(await saveSettings(staff.admin, { ...valid, footerText: 'New footer', appPromo: null })).toEqual({ ok: true });
    stop();
    stop2();
    expect(seen.at(-1)).toEqual(['settings']);
    expect((await getEditableSettings(staff.admin)).appPromo).toBeNull();
  });

  it('explains every invalid field', async () => {
    const result = await saveSettings(staff.admin, {
      ...valid,
      name: ' ',
      timeZone: 'Mars/Olympus',
      language: 'english',
      socialLinks: [{ network: 'facebook', url: 'javascript:alert(1)' }],
      sponsoredLinks: [{ label: '', url: 'https://example.com' }],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: ['The site needs a name.'],
        timeZone: ['Choose a time zone from the list.'],
        language: ['Use a language tag such as en, th or en-GB.'],
        'socialLinks.0.url': ['Enter a full link starting with https://'],
        'sponsoredLinks.0.label': ['Each sponsored link needs a label.'],
      },
    });
    const logo = await db().media.create({ data: { path: 'x/logo.png', originalName: 'logo.png', mimeType: 'image/png', width: 1, height: 1, bytes: 1, deletedAt: new Date() } });
    expect(await saveSettings(staff.admin, { ...valid, logoId: logo.id })).toEqual({ ok: false, errors: { logoId: ['That image is no longer in the media library.'] } });
  });

  it('are for admins only', async () => {
    for (const actor of [staff.editor, staff.author]) {
      await expect(saveSettings(actor, valid)).rejects.toBeInstanceOf(AuthorizationError);
      await expect(getEditableSettings(actor)).rejects.toBeInstanceOf(AuthorizationError);
    }
  });
});
