// The parent's side of bench/lib/server-process.ts: fork it, send it commands, read its RSS.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_SERVER_BUNDLE, SERVER_NODE_FLAGS } from '../../scripts/build';

export const PAGE_TYPES = ['home', 'article', 'section page 2', 'tag', 'author', 'search', 'rss', 'sitemap chunk'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** A reader URL and the tags whose invalidation makes it cold. */
export interface PageUrl {
  path: string;
  tags: string[];
}
/** Per page type: URLs of that kind, the first being the one measured warm. */
export type PagePools = Record<PageType, PageUrl[]>;

export interface Reply {
  id: number;
  value?: unknown;
  error?: string;
}

export interface BenchServer {
  origin: string;
  pid: number;
  invalidate(tags: string[]): Promise<void>;
  pools(size: number): Promise<PagePools>;
  draft(): Promise<{ articleId: number; path: string }>;
  publish(articleId: number): Promise<{ path: string }>;
  /** The server's own view: process.memoryUsage() and the number of cached responses. */
  memory(): Promise<NodeJS.MemoryUsage & { cacheEntries: number; cacheBytes: number }>;
  /** Resident set size now, in bytes (from /proc, so it costs the server nothing). */
  rss(): number;
  /** CPU time the server has used so far, in seconds (user + system, from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** The kernel's USER_HZ, 100 on Linux everywhere in practice. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Forks the server; `nodeOptions` go to its node (e.g. `--cpu-prof`). */
export async function startBenchServer({ databaseUrl, port, mediaDir, nodeOptions = [] }: { databaseUrl: string; port: number; mediaDir: string; nodeOptions?: string[] }): Promise<BenchServer> {
  // The bundle scripts/build.ts makes, run by plain node as npm start runs the server (ADR 024).
  const child: ChildProcess = fork(join(import.meta.dirname, '..', '..', BENCH_SERVER_BUNDLE), [], {
    execArgv: [...SERVER_NODE_FLAGS, ...nodeOptions],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // As npm start and deploy/ run the server (ADR 020).
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: `http://127.0.0.1:${port}`,
      MEDIA_DIR: mediaDir,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let next = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<{ url: string }>((resolve, reject) => {
    waiting.set(0, { resolve: (v) => resolve(v as { url: string }), reject });
    child.once('exit', (code) => {
      for (const { reject: fail } of waiting.values()) fail(new Error(`the server exited with code ${code}`));
      waiting.clear();
    });
  });
  child.on('message', (message: Reply) => {
    const pending = waiting.get(message.id);
    if (!pending) return;
    waiting.delete(message.id);
    if (message.error !== undefined) pending.reject(new Error(message.error));
    else pending.resolve(message.value);
  });
  const send = <T>(command: Record<string, unknown>): Promise<T> =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve: (v) => resolve(v as T), reject });
      child.send({ ...command, id });
    });
  const { url } = await ready;
  return {
    origin: url,
    pid: child.pid!,
    invalidate: (tags) => send({ kind: 'invalidate', tags }),
    pools: (size) => send({ kind: 'pools', size }),
    draft: () => send({ kind: 'draft' }),
    publish: (articleId) => send({ kind: 'publish', articleId }),
    memory: () => send({ kind: 'memory' }),
    rss: () => {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      return Number(kb ?? 0) * 1024;
    },
    cpuSeconds: () => {
      // Fields after the parenthesised command name; utime and stime are the 12th and 13th, in clock ticks.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    },
    stop: async () => {
      if (child.exitCode === null) {
        await send({ kind: 'stop' }).catch(() => undefined);
        await exited;
      }
    },
  };
}

/** Times single requests to `path`, each right after invalidating `tags`: what the first reader after a write sees. */
export async function coldLatency(server: BenchServer, path: string, tags: string[], samples: number): Promise<{ times: number[]; misses: number }> {
  const times: number[] = [];
  let misses = 0;
  for (let i = 0; i < samples; i++) {
    await server.invalidate(tags);
    const started = performance.now();
    const response = await fetch(server.origin + path, { headers: { 'accept-encoding': 'identity' } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (response.headers.get('x-cache') === 'MISS' || response.headers.get('x-cache') === 'STREAM') misses += 1;
  }
  return { times, misses };
}
