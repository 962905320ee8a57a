/**
 * Social cards (1200×630 PNG) for articles without a hero image, and the publisher wordmark used
 * as the JSON-LD logo when no logo is uploaded. Text is laid out by sharp's Pango renderer with
 * system fonts, which shapes Thai correctly (next/og's Satori mis-stacks Thai marks, DESIGN §8.17);
 * fontconfig falls back to the TLWG Thai fonts that scripts/ensure-browser.mjs installs.
 */
import sharp from 'sharp';

export const CARD = { width: 1200, height: 630 } as const;
export const WORDMARK = { width: 600, height: 60 } as const;

const MARGIN = 80;
const HEADLINE_BOX = { width: CARD.width - 2 * MARGIN, height: 340 };
const SERIF = 'DejaVu Serif';
const SANS = 'DejaVu Sans';
const INK = '#14110f';
const BRAND = '#9b1c1c';
const PAPER = '#f7f3ea';

/** Pango markup text: escaped, and without control characters Pango would draw as boxes. */
function markup(text: string): string {
  return text
    .replace(/[\u0000-\u001F\u007F]+/g, ' ')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .trim();
}

async function textLayer(text: string, font: string, width: number, color: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp({
    text: { text: `<span foreground="${color}">${markup(text)}</span>`, font, width, rgba: true, wrap: 'word-char', dpi: 72 },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const fits = (layer: { width: number; height: number }) => layer.width <= HEADLINE_BOX.width && layer.height <= HEADLINE_BOX.height;

/** The largest headline size whose wrapped text fits the box; very long headlines are cut with an ellipsis. */
async function fitHeadline(headline: string): Promise<{ data: Buffer; height: number }> {
  for (const size of [68, 60, 52, 46, 40]) {
    const layer = await textLayer(headline, `${SERIF} Bold ${size}`, HEADLINE_BOX.width, INK);
    if (fits(layer)) return layer;
  }
  // Drop words (or, for unspaced scripts such as Thai, characters) until it fits.
  const parts = /\s/.test(headline.trim()) ? headline.trim().split(/\s+/) : [...headline];
  const joiner = /\s/.test(headline.trim()) ? ' ' : '';
  for (let keep = Math.floor(parts.length * 0.8); keep > 0; keep = Math.floor(keep * 0.8)) {
    const layer = await textLayer(`${parts.slice(0, keep).join(joiner)}…`, `${SERIF} Bold 40`, HEADLINE_BOX.width, INK);
    if (fits(layer)) return layer;
  }
  return textLayer('…', `${SERIF} Bold 40`, HEADLINE_BOX.width, INK);
}

export interface SocialCardInput {
  headline: string;
  /** Shown above the headline, e.g. the section name. */
  kicker: string;
  siteName: string;
}

/** A 1200×630 PNG: the paper's name, the section, the headline, on the paper's colours. */
export async function renderSocialCard({ headline, kicker, siteName }: SocialCardInput): Promise<Buffer> {
  const [site, section, title] = await Promise.all([
    textLayer(siteName, `${SERIF} Bold 34`, CARD.width - 2 * MARGIN, INK),
    textLayer(kicker.toUpperCase(), `${SANS} Bold 24`, CARD.width - 2 * MARGIN, BRAND),
    fitHeadline(headline),
  ]);
  const frame = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD.width}" height="${CARD.height}">` +
      `<rect width="100%" height="100%" fill="${PAPER}"/>` +
      `<rect x="0" y="0" width="${CARD.width}" height="14" fill="${BRAND}"/>` +
      `<rect x="${MARGIN}" y="${CARD.height - 110}" width="${CARD.width - 2 * MARGIN}" height="2" fill="${INK}"/>` +
      `</svg>`,
  );
  const headlineTop = 150 + Math.max(0, Math.round((HEADLINE_BOX.height - title.height) / 2));
  return sharp(frame)
    .composite([
      { input: section.data, top: 70, left: MARGIN },
      { input: title.data, top: headlineTop, left: MARGIN },
      { input: site.data, top: CARD.height - 90, left: MARGIN },
    ])
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

/** The paper's name set as a 600×60 wordmark (Google's logo guidance for publishers). */
export async function renderWordmark(siteName: string): Promise<Buffer> {
  const text = await textLayer(siteName, `${SERIF} Bold 40`, WORDMARK.width - 20, INK);
  const height = Math.min(text.height, WORDMARK.height);
  const layer = text.height > WORDMARK.height ? await sharp(text.data).resize({ height: WORDMARK.height }).toBuffer() : text.data;
  return sharp({ create: { width: WORDMARK.width, height: WORDMARK.height, channels: 4, background: { r: 255, g: 255, b: 255, alpha: 0 } } })
    .composite([{ input: layer, top: Math.round((WORDMARK.height - height) / 2), left: 10 }])
    .png()
    .toBuffer();
}
