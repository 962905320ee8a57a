/**
 * Seeding PostgreSQL through pg: each table's rows go in as one INSERT … SELECT FROM unnest()
 * with one array parameter per column, so a batch costs one round trip per table whatever its
 * size. Reads for slug checks use a second connection so they do not queue behind a write.
 */
import pg from 'pg';
import { CONTENT_TABLES, ID_TABLES, RESET_TABLES, type ColumnType, type Value } from './tables';
import { slugKey, type SeedTarget, type SlugKey } from './target';

const ARRAY_TYPE: Record<ColumnType, string> = {
  int: 'int4[]',
  float: 'float8[]',
  text: 'text[]',
  json: 'jsonb[]',
  bool: 'bool[]',
  date: 'timestamp(3)[]',
};

/** timestamp(3) without time zone holds UTC, as Prisma's pg adapter writes it. */
export function postgresDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

function encode(value: Value, type: ColumnType): unknown {
  if (value === null) return null;
  if (type === 'date') return postgresDate(value as Date);
  return value;
}

const quote = (name: string) => `"${name}"`;

export async function openPostgresTarget(url: string): Promise<SeedTarget> {
  const writer = new pg.Client({ connectionString: url });
  const reader = new pg.Client({ connectionString: url });
  await Promise.all([writer.connect(), reader.connect()]);
  // Each batch is re-runnable from scratch, so an unflushed commit costs nothing but a re-seed.
  await writer.query('SET synchronous_commit = off');

  return {
    async contentCounts() {
      const { rows } = await reader.query<{ name: string; count: string }>(
        CONTENT_TABLES.map((name) => `SELECT '${name}' AS name, count(*) FROM ${quote(name)}`).join(' UNION ALL '),
      );
      return Object.fromEntries(rows.map((r) => [r.name, Number(r.count)]));
    },
    async reset() {
      await writer.query(`TRUNCATE ${RESET_TABLES.map(quote).join(', ')} RESTART IDENTITY`);
    },
    async takenSlugs(keys: readonly SlugKey[]) {
      if (keys.length === 0) return new Set();
      const { rows } = await reader.query<{ topSectionId: number; slug: string }>(
        `SELECT a."topSectionId", a.slug FROM "Article" a
         JOIN unnest($1::int4[], $2::text[]) AS k(top, slug) ON a."topSectionId" = k.top AND a.slug = k.slug`,
        [keys.map((k) => k.topSectionId), keys.map((k) => k.slug)],
      );
      return new Set(rows.map((r) => slugKey(r.topSectionId, r.slug)));
    },
    async write(batch) {
      await writer.query('BEGIN');
      try {
        for (const { table, rows, keepExisting } of batch) {
          if (rows.length === 0) continue;
          const columns = table.columns.map(([name]) => quote(name)).join(', ');
          const arrays = table.columns.map(([, type], i) => `$${i + 1}::${ARRAY_TYPE[type]}`).join(', ');
          const params = table.columns.map(([, type], i) => rows.map((row) => encode(row[i] ?? null, type)));
          await writer.query(
            `INSERT INTO ${quote(table.name)} (${columns}) SELECT * FROM unnest(${arrays})${keepExisting ? ' ON CONFLICT DO NOTHING' : ''}`,
            params,
          );
        }
        await writer.query('COMMIT');
      } catch (error) {
        await writer.query('ROLLBACK');
        throw error;
      }
    },
    async finish() {
      for (const name of ID_TABLES) {
        // setval to 1 with is_called = false when the table is empty, so the next id is 1.
        await writer.query(
          `SELECT setval(pg_get_serial_sequence('${quote(name)}', 'id'), COALESCE(max(id), 1), max(id) IS NOT NULL) FROM ${quote(name)}`,
        );
      }
      await writer.query(`ANALYZE ${RESET_TABLES.map(quote).join(', ')}`);
    },
    async close() {
      await Promise.all([writer.end(), reader.end()]);
    },
    async size() {
      const { rows } = await reader.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
      return Number(rows[0]!.size);
    },
  };
}
