/**
 * Readiness (`/api/ready`): may a balancer send this instance traffic? Yes when the database
 * answers, every migration on disk has been applied, Redis answers (when configured), and the
 * instance is not shutting down. Liveness (`/api/health`) only says the process is up.
 */
import { config } from './config';
import { db, dbProvider, type Db } from './db';
import { readMigrations } from './migrate';
import { redis, type Redis } from './redis';
import { isShuttingDown } from './shutdown';

export interface Readiness {
  ready: boolean;
  checks: { database: boolean; migrations: boolean; redis: boolean | 'not configured'; accepting: boolean };
  /** One sentence per failed check, for whoever reads the balancer's log. */
  problems: string[];
}

export interface ReadinessDeps {
  database: Pick<Db, '$queryRawUnsafe'>;
  provider: 'sqlite' | 'postgresql';
  redis?: Pick<Redis, 'ping'>;
  /** Folder holding prisma/migrations. */
  root?: string;
  shuttingDown?: boolean;
  timeoutMs?: number;
}

function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness({ database, provider, redis: client, root, shuttingDown = false, timeoutMs = 2_000 }: ReadinessDeps): Promise<Readiness> {
  const problems: string[] = [];
  const checks: Readiness['checks'] = { database: false, migrations: false, redis: client ? false : 'not configured', accepting: !shuttingDown };
  if (shuttingDown) problems.push('shutting down: finishing in-flight requests');

  // Checked alongside the database; its problem is listed after the database's.
  const redisProblem = client
    ? within(timeoutMs, 'Redis', client.ping()).then(
        () => {
          checks.redis = true;
          return undefined;
        },
        (error: Error) => `Redis unreachable: ${error.message}`,
      )
    : Promise.resolve(undefined);

  try {
    const rows = await within(
      timeoutMs,
      'The database',
      database.$queryRawUnsafe<Array<{ migration_name: string; finished_at: unknown }>>(
        'SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
      ),
    );
    checks.database = true;
    const finished = new Set(rows.filter((r) => r.finished_at !== null).map((r) => r.migration_name));
    const pending = readMigrations(provider, root).filter((m) => !finished.has(m.name)).map((m) => m.name);
    checks.migrations = pending.length === 0;
    if (pending.length) problems.push(`migrations not applied: ${pending.join(', ')} (run npm run db:migrate)`);
  } catch (error) {
    const message = (error as Error).message;
    // A reachable database without the migrations table has never been migrated.
    if (/_prisma_migrations/.test(message) && /(does not exist|no such table)/.test(message)) {
      checks.database = true;
      problems.push('migrations not applied: the database has never been migrated (run npm run db:migrate)');
    } else {
      problems.push(`database unreachable: ${message.split('\n')[0]}`);
    }
  }
  const redisFailure = await redisProblem;
  if (redisFailure) problems.push(redisFailure);
  return { ready: problems.length === 0, checks, problems };
}

/** The `/api/ready` response for this process: 200 when ready, 503 with the reasons otherwise. */
export async function readinessResponse(deps?: Partial<ReadinessDeps>): Promise<Response> {
  const result = await checkReadiness({
    database: db(),
    provider: dbProvider(),
    redis: config().REDIS_URL ? redis() : undefined,
    shuttingDown: isShuttingDown(),
    ...deps,
  });
  return Response.json(result, { status: result.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
