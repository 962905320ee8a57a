/** Throw-away databases for tests and benchmarks: a temp SQLite file, or a new PostgreSQL database. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** `postgresUrl` names a server (any database on it); without it a SQLite file is made. */
export async function createScratchDatabase(postgresUrl?: string): Promise<ScratchDatabase> {
  if (!postgresUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'broadsheet-db-'));
    return { url: `file:${join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `broadsheet_t_${randomBytes(6).toString('hex')}`;
  const admin = new URL(postgresUrl);
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
