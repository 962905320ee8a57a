import type { SearchIndexConnection } from '../search/reindex';
import type { TableRows } from './tables';

export interface SlugKey {
  topSectionId: number;
  slug: string;
}

export const slugKey = (topSectionId: number, slug: string) => `${topSectionId}/${slug}`;

/** A database the seed writes to; one implementation per provider. */
export interface SeedTarget {
  /** Row counts of the content tables. */
  contentCounts(): Promise<Record<string, number>>;
  /** Empties the content tables (tables.ts RESET_TABLES) and restarts their ids. */
  reset(): Promise<void>;
  /** Which of `keys` are already used by committed articles, as {@link slugKey} strings. */
  takenSlugs(keys: readonly SlugKey[]): Promise<Set<string>>;
  /** Inserts the rows in one transaction, tables in the order given. */
  write(batch: readonly TableRows[]): Promise<void>;
  /** The connection the search index is suspended and rebuilt over (the written database). */
  searchConnection(): SearchIndexConnection;
  /** After the last write: move id sequences past the explicit ids, refresh statistics. */
  finish(): Promise<void>;
  close(): Promise<void>;
  /** Bytes the database takes on disk. */
  size(): Promise<number>;
}
