import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderSocialCard, renderWordmark } from './social-image';
import { HOSTILE } from './seo/test-fixtures';

/** Share of pixels in the headline box that are ink, not paper: proves the text was drawn. */
async function inkShare(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).extract({ left: 80, top: 150, width: 1040, height: 340 }).greyscale().raw().toBuffer({ resolveWithObject: true });
  let dark = 0;
  for (const v of data) if (v < 100) dark++;
  return dark / (info.width * info.height);
}

describe('social cards', () => {
  it('renders a 1200×630 PNG with the headline drawn, whatever the text holds', async () => {
    const png = await renderSocialCard({ headline: HOSTILE, kicker: 'News', siteName: 'The Lanna Ledger' });
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(await inkShare(png)).toBeGreaterThan(0.01);
  });

  it('sets Thai headlines in a Thai-capable font, and fits long ones in the box', async () => {
    const thai = await renderSocialCard({ headline: 'ผู้ว่าฯ เชียงราย สั่งเฝ้าระวังน้ำท่วม ริมแม่น้ำกก', kicker: 'ข่าว', siteName: 'The Lanna Ledger' });
    expect(await inkShare(thai)).toBeGreaterThan(0.01);
    const long = await renderSocialCard({ headline: 'น้ำท่วม'.repeat(120), kicker: 'News', siteName: 'The Lanna Ledger' });
    expect(await sharp(long).metadata()).toMatchObject({ width: 1200, height: 630 });
  });

  it('sets the wordmark at 600×60', async () => {
    expect(await sharp(await renderWordmark('The Lanna Ledger')).metadata()).toMatchObject({ format: 'png', width: 600, height: 60 });
  });
});
