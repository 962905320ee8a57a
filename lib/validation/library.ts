/**
 * Schemas for the newsroom library forms: home curation, breaking bar, site settings, sections,
 * tags, people and static pages. Actions and lib/ functions share them; types come from z.infer.
 */
import { z } from 'zod';
import { bodySchema, safeHref } from './body';

const id = z.coerce.number().int().positive();

/** Top stories under the lead on the home page. */
export const MAX_TOP_STORIES = 8;

export const homeCurationSchema = z
  .object({
    leadId: id.nullable(),
    top: z.array(z.object({ articleId: id, pinned: z.boolean() })).max(MAX_TOP_STORIES, `At most ${MAX_TOP_STORIES} top stories.`),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<number>(value.leadId ? [value.leadId] : []);
    value.top.forEach((slot, i) => {
      if (seen.has(slot.articleId)) ctx.addIssue({ code: 'custom', path: ['top', i], message: 'A story can appear only once on the home page.' });
      seen.add(slot.articleId);
    });
  });
export type HomeCurationInput = z.infer<typeof homeCurationSchema>;

/** How long a breaking bar stays up, in minutes: the choices the form offers. */
export const BREAKING_DURATIONS = [15, 30, 60, 120, 240, 480, 720, 1440, 2880] as const;

export const breakingBarSchema = z.object({
  text: z.string().trim().min(1, 'Write the breaking news line.').max(200, 'Keep the line under 200 characters.'),
  url: z.union([z.literal(''), safeHref]).default(''),
  minutes: z.coerce
    .number()
    .int()
    .refine((m) => (BREAKING_DURATIONS as readonly number[]).includes(m), 'Choose how long the bar stays up.'),
});
export type BreakingBarInput = z.infer<typeof breakingBarSchema>;

export { bodySchema, id as idSchema };
