/**
 * The real production server (`server.ts` bundled, on Next's build; scripts/build.ts) as a child process, for tests and
 * benchmarks that must kill it (SIGKILL), restart it, or keep its memory apart from theirs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuild, SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../../scripts/build';

const ROOT = join(import.meta.dirname, '..', '..');
const BUILD_LOCK = join(ROOT, '.next-build.lock');

/**
 * Builds when the sources changed since the last build. Vitest runs files in parallel, so the
 * build is guarded by a lock directory (mkdir is atomic); a lock older than 10 minutes is stale.
 */
export async function ensureProductionBuild(): Promise<void> {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 600_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // Released between the two calls.
      }
      await sleep(500);
    }
  }
  try {
    await ensureBuild({ stdio: 'ignore' });
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/** A port nobody listens on right now (the kernel's choice for port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** SIGKILL: no drain, no flush, no goodbye. Resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM and wait (graceful shutdown). */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  databaseUrl: string;
  mediaDir: string;
  port?: number;
  env?: Record<string, string>;
}

/** Starts the server bundle in production mode and resolves once `/api/health` answers. */
export async function startServerProcess({ databaseUrl, mediaDir, port, env = {} }: ServerProcessOptions): Promise<ServerProcess> {
  const listenPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      MEDIA_DIR: mediaDir,
      PORT: String(listenPort),
      HOST: '127.0.0.1',
      SITE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited during start-up:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 120 s:\n${log}`);
    }
    await sleep(200);
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { url, port: listenPort, child, output: () => log, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
