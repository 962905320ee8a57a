/**
 * An article's editable copy as the newsroom submits it (DESIGN §5, ADR 002). The same shape is
 * stored whole in `Article.stagedCopy` for a live article's pending edit, with tag names resolved
 * to ids (see `StoredCopy` in lib/article-workflow.ts).
 */
import { z } from 'zod';
import { plainText } from './text';
import { bodySchema } from './body';
import { idNumber } from './ids';

const optionalText = (max: number, label: string) =>
  plainText()
    .trim()
    .max(max, `${label}: use at most ${max} characters.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);

const id = idNumber();

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const articleInputSchema = z.object({
  headline: plainText().trim().min(1, 'Enter a headline.').max(300, 'Use at most 300 characters.'),
  standfirst: plainText().trim().max(600, 'Use at most 600 characters.').default(''),
  /** Empty: made from the headline. */
  slug: plainText()
    .trim()
    .toLowerCase()
    .max(80, 'Use at most 80 characters.')
    .refine((v) => v === '' || SLUG_PATTERN.test(v), 'Use lower-case letters, digits and single hyphens, e.g. river-festival-opens.')
    .default(''),
  body: bodySchema,
  primarySectionId: id.describe('section'),
  secondarySectionIds: z.array(id).max(10, 'Choose at most 10 more sections.').default([]),
  /** Tag names; unknown ones are created. */
  tagNames: z.array(plainText().trim().min(1).max(80, 'A tag name may have at most 80 characters.')).max(30, 'Use at most 30 tags.').default([]),
  /** In byline order. */
  bylinePersonIds: z.array(id).max(10, 'Use at most 10 bylines.').default([]),
  heroImageId: id.nullable().default(null),
  heroAlt: optionalText(500, 'Alt text'),
  heroCaption: optionalText(1000, 'Caption'),
  heroCredit: optionalText(300, 'Credit'),
  seoTitle: optionalText(120, 'SEO title'),
  seoDescription: optionalText(320, 'SEO description'),
  canonicalUrl: z
    .union([z.literal(''), z.url({ protocol: /^https?$/, error: 'Enter a full http(s) address, or leave it empty.' }).max(2048)])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  noindex: z.boolean().default(false),
  isBreaking: z.boolean().default(false),
  isFeatured: z.boolean().default(false),
  isOpinion: z.boolean().default(false),
  correction: optionalText(2000, 'Correction'),
});

export type ArticleInput = z.input<typeof articleInputSchema>;
export type ParsedArticleInput = z.output<typeof articleInputSchema>;
