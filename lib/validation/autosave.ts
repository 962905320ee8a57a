/**
 * An autosave as the editor sends it: the article form's fields as strings (the body as its
 * structured JSON in `bodyJson`) and the version the editor loaded. Kept as typed, never parsed
 * into an article: only an explicit save validates and stores the copy.
 */
import { z } from 'zod';

/** A 10,000-word body is ~150 kB of JSON; the cap leaves room for much longer pieces. */
export const MAX_AUTOSAVE_CHARS = 2_000_000;

export const autosaveSchema = z.strictObject({
  baseVersion: z.number().int().positive(),
  values: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/), z.string())
    .refine((values) => Object.keys(values).length <= 60, 'Too many fields.')
    .refine((values) => Object.values(values).reduce((n, v) => n + v.length, 0) <= MAX_AUTOSAVE_CHARS, 'The draft is too large to autosave.'),
});

export type AutosaveInput = z.infer<typeof autosaveSchema>;
