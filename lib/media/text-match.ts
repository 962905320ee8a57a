import { dbProvider } from '../db';

/**
 * A case-insensitive `contains` filter on both providers: SQLite's LIKE already ignores ASCII
 * case, PostgreSQL needs `mode: 'insensitive'`, which the SQLite client type does not know.
 */
export function containsText(q: string): { contains: string } {
  return (dbProvider() === 'postgresql' ? { contains: q, mode: 'insensitive' } : { contains: q }) as { contains: string };
}
