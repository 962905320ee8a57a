import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db, dbProvider } from './db';
import { checkReadiness, readinessResponse } from './readiness';
import { createRedisConnection } from './redis';
import { testRedisUrl } from './testing/redis';

const liveRedis = createRedisConnection(testRedisUrl());
const deadRedis = createRedisConnection('redis://127.0.0.1:1');
const extraRoot = mkdtempSync(join(tmpdir(), 'broadsheet-migrations-'));

afterAll(async () => {
  await liveRedis.quit();
  deadRedis.disconnect();
  rmSync(extraRoot, { recursive: true, force: true });
});

describe('readiness', () => {
  it('is ready when the database is migrated and Redis answers', async () => {
    const result = await checkReadiness({ database: db(), provider: dbProvider(), redis: liveRedis });
    expect(result).toEqual({ ready: true, checks: { database: true, migrations: true, redis: true, accepting: true }, problems: [] });
  });

  it('names a migration that is on disk but not applied', async () => {
    const provider = dbProvider();
    cpSync(join('prisma/migrations', provider), join(extraRoot, 'prisma/migrations', provider), { recursive: true });
    mkdirSync(join(extraRoot, 'prisma/migrations', provider, '20261129099999_new_column'));
    writeFileSync(join(extraRoot, 'prisma/migrations', provider, '20261129099999_new_column', 'migration.sql'), 'SELECT 1;');

    const result = await checkReadiness({ database: db(), provider, root: extraRoot });

    expect(result.ready).toBe(false);
    expect(result.checks.migrations).toBe(false);
    expect(result.problems).toEqual(['migrations not applied: 20261129099999_new_column (run npm run db:migrate)']);
  });

  it('reports an unreachable database and an unreachable Redis, as 503 with the reasons', async () => {
    const unreachable = { $queryRawUnsafe: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5999')) } as never;

    const response = await readinessResponse({ database: unreachable, redis: deadRedis });

    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { checks: unknown; problems: string[] };
    expect(body.checks).toEqual({ database: false, migrations: false, redis: false, accepting: true });
    expect(body.problems).toHaveLength(2);
    expect(body.problems[0]).toBe('database unreachable: connect ECONNREFUSED 127.0.0.1:5999');
    expect(body.problems[1]).toMatch(/^Redis unreachable: /);
  });

  it('turns not ready while shutting down, so balancers drain the instance', async () => {
    const result = await checkReadiness({ database: db(), provider: dbProvider(), shuttingDown: true });
    expect(result.ready).toBe(false);
    expect(result.checks).toMatchObject({ database: true, migrations: true, redis: 'not configured', accepting: false });
  });
});
