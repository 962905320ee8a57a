/** Provider differences for the library's queries, kept in one place (DESIGN §5). */
import { dbProvider } from '../db';

/**
 * A case-insensitive `contains` filter on both providers: SQLite's LIKE already ignores ASCII
 * case, PostgreSQL needs `mode: 'insensitive'`, which the SQLite client type does not know.
 */
export function containsText(q: string): { contains: string } {
  return (dbProvider() === 'postgresql' ? { contains: q, mode: 'insensitive' } : { contains: q }) as { contains: string };
}

/** A DateTime parameter marker so raw INSERTs store dates the way Prisma does. */
export class SqlDate {
  constructor(readonly date: Date) {}
}

/**
 * Raw SQL with one placeholder per interpolated value: `$n` on PostgreSQL (dates cast to
 * timestamp), `?` on SQLite (dates as ISO 8601 with an explicit offset, as Prisma's adapter
 * writes them). Returns the arguments for `$executeRawUnsafe` / `$queryRawUnsafe`.
 */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): [string, ...unknown[]] {
  const pg = dbProvider() === 'postgresql';
  let text = strings[0]!;
  const args: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof SqlDate) {
      args.push(pg ? value.date.toISOString() : value.date.toISOString().replace('Z', '+00:00'));
      text += pg ? `$${args.length}::timestamp` : '?';
    } else {
      args.push(value);
      text += pg ? (typeof value === 'number' ? `$${args.length}::int` : `$${args.length}`) : '?';
    }
    text += strings[i + 1]!;
  });
  return [text, ...args];
}
