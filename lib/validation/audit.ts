/**
 * The audit log's filters as they arrive in the page's query string. Each bad value is dropped
 * (the filter is simply not applied) rather than failing the page: it is a search form.
 */
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const day = z
  .string()
  .regex(DAY)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);

const word = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined);

export const auditFilterSchema = z.object({
  userId: z.coerce.number().int().positive().optional().catch(undefined),
  entityType: word(40),
  /** An action (`article.publish`) or the start of one (`article.`, `session`). */
  action: word(60),
  /** Calendar dates in the site's time zone, both included. */
  from: day,
  to: day,
  /** Keyset cursor: entries older than this id. */
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** The first value of each query parameter, as Next hands `searchParams` to a page. */
export function parseAuditFilter(params: Record<string, string | string[] | undefined>): AuditFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  return auditFilterSchema.parse(Object.fromEntries(Object.keys(auditFilterSchema.shape).map((key) => [key, first(params[key])])));
}
