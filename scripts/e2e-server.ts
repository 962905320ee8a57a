// The server the Playwright suite runs against: a production build on a fresh database seeded
// with a fixed seed — SQLite by default, a new PostgreSQL database when TEST_DATABASE_URL is set.
// Next's modules (next/headers, imported by lib/users via e2e-accounts) need the AsyncLocalStorage
// global that Next installs only when its server starts; install it before anything loads them.
import 'next/dist/server/node-environment-baseline.js';
import { createScratchDatabase } from '../lib/testing/scratch-db';
import { migrate } from '../lib/migrate';
import { ensureBuild } from './build';

const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL);
Object.assign(process.env, {
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: scratch.url,
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  SITE_URL: `http://127.0.0.1:${process.env.E2E_PORT ?? '3100'}`,
  MEDIA_DIR: process.env.E2E_MEDIA_DIR ?? './data/e2e-media',
});

await migrate(scratch.url);
const { seedDemoIfEmpty } = await import('./seed-if-empty');
await seedDemoIfEmpty(Number(process.env.E2E_ARTICLES ?? 400), { seed: 42 });
await ensureBuild();
const { startServer } = await import('../server');
const running = await startServer();
// After Next is up: lib/auth loads next/headers, which needs the AsyncLocalStorage Next installs.
const { createE2eAccounts } = await import('./e2e-accounts');
await createE2eAccounts();
console.log(`e2e server on ${running.url} (${scratch.url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await running.close().catch(() => undefined);
  const { disconnect } = await import('../lib/db');
  await disconnect();
  await scratch.drop();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
