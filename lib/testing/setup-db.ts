/**
 * Vitest setup: every test file gets its own freshly migrated database — a temporary SQLite file
 * by default, or a new PostgreSQL database next to TEST_DATABASE_URL when that is set — and
 * DATABASE_URL points at it before any lib/ module connects.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { migrate } from '../migrate';
import { createScratchDatabase } from './scratch-db';

const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL);
process.env.DATABASE_URL = scratch.url;
process.env.MEDIA_DIR = mkdtempSync(join(tmpdir(), 'broadsheet-media-'));
await migrate(scratch.url);

afterAll(async () => {
  const { disconnect } = await import('../db');
  await disconnect();
  await scratch.drop();
  rmSync(process.env.MEDIA_DIR!, { recursive: true, force: true });
});
