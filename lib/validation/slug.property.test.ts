// Property tests (fast-check) for every slug maker and slug check: whatever a headline or name
// holds, the slug is a clean URL segment, or empty so the caller falls back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify as slugFromHeadline, withSuffix } from '../seed/slug';
import { SLUG_PATTERN, articleInputSchema } from './article';
import { RESERVED_TOP_LEVEL, slugify as slugFromName, slugSchema, topLevelSlugProblem } from './library';

/** Names as people type them, and worse: Thai, accents, emoji, punctuation, controls, long runs. */
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.array(fc.constantFrom('Chiang Rai', '&', 'ข่าว', 'Ünïcödé', '—', ' ', '-', '--', '🦀', "'", '’', '/', '%2F', '..', '\u0000', 'ﬁ', 'Ⅻ', 'İ', 'a'.repeat(90)), { maxLength: 12 }).map((parts) => parts.join('')),
);

const MAX = 80;

describe.each([
  ['names (sections, tags, people)', slugFromName],
  ['headlines (articles, imports)', (t: string) => slugFromHeadline(t)],
])('slugs from %s', (_, slugify) => {
  it('are empty or lower-case ASCII words joined by single hyphens, at most 80 characters', () => {
    fc.assert(
      fc.property(text, (input) => {
        const slug = slugify(input);
        expect(slug.length).toBeLessThanOrEqual(MAX);
        if (slug !== '') expect(slug).toMatch(SLUG_PATTERN);
      }),
      { numRuns: 2000 },
    );
  });

  it('are stable: a slug made from a slug is itself', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(slugify(slugify(input))).toBe(slugify(input));
      }),
      { numRuns: 1000 },
    );
  });

  it('pass the slug schema whenever they are not empty', () => {
    fc.assert(
      fc.property(text, (input) => {
        const slug = slugify(input);
        if (slug !== '') expect(slugSchema.safeParse(slug).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('slug checks', () => {
  it('never throw, and accept only the slug pattern', () => {
    fc.assert(
      fc.property(text, (input) => {
        const library = slugSchema.safeParse(input);
        if (library.success) expect(library.data).toMatch(SLUG_PATTERN);
        const article = articleInputSchema.shape.slug.safeParse(input);
        if (article.success && article.data !== '') expect(article.data).toMatch(SLUG_PATTERN);
      }),
      { numRuns: 2000 },
    );
  });

  it('keep numbered suffixes within 80 characters and the pattern', () => {
    const slug = text.map((t) => slugFromHeadline(t)).filter((s) => s !== '');
    fc.assert(
      fc.property(slug, fc.integer({ min: 2, max: 999 }), (base, n) => {
        const suffixed = withSuffix(base, n);
        expect(suffixed.length).toBeLessThanOrEqual(MAX);
        expect(suffixed).toMatch(SLUG_PATTERN);
        expect(suffixed.endsWith(`-${n}`)).toBe(true);
      }),
    );
  });

  it('refuse every top-level slug that would shadow the application, a date archive or WordPress', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...RESERVED_TOP_LEVEL), fc.stringMatching(/^\d{1,8}$/), fc.stringMatching(/^wp-[a-z0-9-]{0,20}$/)), (slug) => {
        expect(topLevelSlugProblem(slug)).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), (slug) => {
        fc.pre(!RESERVED_TOP_LEVEL.has(slug) && !slug.startsWith('wp'));
        expect(topLevelSlugProblem(slug)).toBeNull();
      }),
    );
  });
});
