/**
 * Seeding PostgreSQL through pg: each table's rows go in as one INSERT … SELECT FROM
 * json_to_recordset() with the whole batch as a single JSON parameter, so a batch costs one round
 * trip per table and the article bodies, already JSON, are never escaped again. Reads for slug
 * checks use a second connection so they do not queue behind a write.
 */
import pg from 'pg';
import { POSTGRES_REINDEX_LANES, type SearchIndexConnection } from '../search/reindex';
import { CONTENT_TABLES, ID_TABLES, RESET_TABLES, type ColumnType, type TableSpec, type Value } from './tables';
import { slugKey, type SeedTarget, type SlugKey } from './target';

const SQL_TYPE: Record<ColumnType, string> = {
  int: 'int4',
  float: 'float8',
  text: 'text',
  json: 'jsonb',
  bool: 'bool',
  date: 'timestamp(3)',
};

/** timestamp(3) without time zone holds UTC, as Prisma's pg adapter writes it. */
function postgresDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** One cell as JSON. JSON columns already hold JSON text, so bodies go in without re-escaping. */
function jsonCell(value: Value, type: ColumnType): string {
  if (value === null) return 'null';
  if (type === 'json') return value as string;
  if (type === 'date') return `"${postgresDate(value as Date)}"`;
  return JSON.stringify(value);
}

/** The rows as one JSON array of objects, for json_to_recordset. */
function rowsJson(table: TableSpec, rows: readonly Value[][]): string {
  const keys = table.columns.map(([name]) => JSON.stringify(name));
  const types = table.columns.map(([, type]) => type);
  return `[${rows.map((row) => `{${row.map((value, i) => `${keys[i]}:${jsonCell(value, types[i]!)}`).join(',')}}`).join(',')}]`;
}

const quote = (name: string) => `"${name}"`;

/**
 * Search-index statements over a pg client, or over a pool whose connections let the rebuild fill
 * the new index in parallel (lib/search/reindex.ts).
 */
export function postgresSearchConnection(db: pg.Client | pg.Pool): SearchIndexConnection {
  return {
    provider: 'postgresql',
    lanes: db instanceof pg.Pool ? (db.options.max ?? 1) : 1,
    async transaction(statements) {
      const client = db instanceof pg.Pool ? await db.connect() : db;
      try {
        await client.query('BEGIN');
        try {
          for (const [sql, ...params] of statements) await client.query(sql, params);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      } finally {
        if (client !== db) (client as pg.PoolClient).release();
      }
    },
    async execute(sql) {
      await db.query(sql);
    },
    async query<T>(sql: string) {
      return (await db.query(sql)).rows as T[];
    },
    async changes(sql) {
      return (await db.query(sql)).rowCount ?? 0;
    },
  };
}

export async function openPostgresTarget(url: string): Promise<SeedTarget> {
  const writer = new pg.Client({ connectionString: url });
  const reader = new pg.Client({ connectionString: url });
  await Promise.all([writer.connect(), reader.connect()]);
  // Each batch is re-runnable from scratch, so an unflushed commit costs nothing but a re-seed.
  await writer.query('SET synchronous_commit = off');
  const search = new pg.Pool({ connectionString: url, max: POSTGRES_REINDEX_LANES });

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
          const record = table.columns.map(([name, type]) => `${quote(name)} ${SQL_TYPE[type]}`).join(', ');
          await writer.query(
            `INSERT INTO ${quote(table.name)} (${columns}) SELECT ${columns} FROM json_to_recordset($1::json) AS r(${record})${keepExisting ? ' ON CONFLICT DO NOTHING' : ''}`,
            [rowsJson(table, rows)],
          );
        }
        await writer.query('COMMIT');
      } catch (error) {
        await writer.query('ROLLBACK');
        throw error;
      }
    },
    searchConnection: () => postgresSearchConnection(search),
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
      await Promise.all([writer.end(), reader.end(), search.end()]);
    },
    async size() {
      const { rows } = await reader.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
      return Number(rows[0]!.size);
    },
  };
}
