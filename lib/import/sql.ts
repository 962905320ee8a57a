/**
 * Multi-row INSERTs for the importer's hot path (DESIGN §5 allows raw SQL in lib/ data modules).
 * Measured here: Prisma's createManyAndReturn took 2–3.5 s for 200 articles on SQLite; one
 * INSERT … VALUES statement per table and batch is what makes 100,000 posts take minutes. Values
 * are encoded the way Prisma's adapters store them, so Prisma reads imported rows like its own.
 * Runs inside the caller's transaction, so SQL triggers (the search index) fire as usual.
 */
import { dbProvider, type Tx } from '../db';

export type ColumnType = 'int' | 'text' | 'json' | 'bool' | 'date';
export type Cell = number | string | boolean | Date | object | null;

const PG_TYPE: Record<ColumnType, string> = { int: 'int4', text: 'text', json: 'jsonb', bool: 'boolean', date: 'timestamp(3)' };
/** Stay well under SQLite's and PostgreSQL's bound-parameter limits. */
const MAX_PARAMS = 30_000;

function encode(value: Cell, type: ColumnType, sqlite: boolean): unknown {
  if (value === null) return null;
  switch (type) {
    case 'date': {
      const iso = (value as Date).toISOString();
      // Prisma's better-sqlite3 adapter writes an explicit offset; timestamp(3) holds UTC.
      return sqlite ? iso.replace('Z', '+00:00') : iso.replace('T', ' ').replace('Z', '');
    }
    case 'bool':
      return sqlite ? (value ? 1 : 0) : Boolean(value);
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return value;
  }
}

/**
 * Inserts `rows` into `table` and returns the `returning` columns of each inserted row (in no
 * guaranteed order: return a key column to match them up).
 */
export async function insertRows<R extends Record<string, unknown> = Record<string, never>>(
  tx: Tx,
  table: string,
  columns: readonly (readonly [name: string, type: ColumnType])[],
  rows: readonly Cell[][],
  returning: readonly string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const sqlite = dbProvider() === 'sqlite';
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const tail = returning.length ? ` RETURNING ${returning.map((c) => `"${c}"`).join(', ')}` : '';
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const out: R[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = columns.map(([, type], i) => {
        params.push(encode(row[i] ?? null, type, sqlite));
        return sqlite ? '?' : `$${params.length}::${PG_TYPE[type]}`;
      });
      return `(${cells.join(', ')})`;
    });
    const sql = `INSERT INTO "${table}" (${names}) VALUES ${tuples.join(', ')}${tail}`;
    if (returning.length) out.push(...(await tx.$queryRawUnsafe<R[]>(sql, ...params)));
    else await tx.$executeRawUnsafe(sql, ...params);
  }
  return out;
}

/** Sets `columns` of the row with `id` to `row`'s values. */
export async function updateRow(tx: Tx, table: string, id: number, columns: readonly (readonly [name: string, type: ColumnType])[], row: readonly Cell[]): Promise<void> {
  const sqlite = dbProvider() === 'sqlite';
  const params = columns.map(([, type], i) => encode(row[i] ?? null, type, sqlite));
  const sets = columns.map(([name, type], i) => `"${name}" = ${sqlite ? '?' : `$${i + 1}::${PG_TYPE[type]}`}`);
  params.push(id);
  await tx.$executeRawUnsafe(`UPDATE "${table}" SET ${sets.join(', ')} WHERE "id" = ${sqlite ? '?' : `$${params.length}::int4`}`, ...params);
}
