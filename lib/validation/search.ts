/**
 * Reader search parameters (`/search?q=&section=&author=&from=&to=&sort=&page=`). Search must answer
 * any input, so nothing here rejects: a malformed filter is dropped, an over-long query is cut.
 */
import { z } from 'zod';
import { MAX_QUERY_CHARS } from '../search/query';
import { plainText } from './text';

/** Largest page number served; the ranking window ends long before. */
export const MAX_SEARCH_PAGE = 1000;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  });

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

export const searchParamsSchema = z.object({
  q: z.preprocess(first, plainText()).catch('').transform((q) => q.slice(0, MAX_QUERY_CHARS)),
  /** A top-level section slug, or `parent/child` for a sub-section. */
  section: optional(z.string().regex(/^[a-z0-9-]{1,100}(\/[a-z0-9-]{1,100})?$/)),
  /** A person's slug. */
  author: optional(z.string().regex(/^[a-z0-9-]{1,100}$/)),
  from: optional(isoDate),
  to: optional(isoDate),
  sort: z.preprocess(first, z.enum(['relevance', 'newest'])).catch('relevance'),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE)).catch(1),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
export type SearchSort = SearchParams['sort'];

/** Parses Next's `searchParams` (or any record); never throws. */
export function parseSearchParams(input: Record<string, string | string[] | undefined>): SearchParams {
  return searchParamsSchema.parse(input);
}
