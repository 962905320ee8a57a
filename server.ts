/**
 * Broadsheet's HTTP server: wraps Next's request handler (custom-server mode, DESIGN §2). Every
 * request passes through the front layer in lib/front/, which answers reader pages from memory
 * and hands the rest to Next. In production on one instance, a worker thread owns the port and
 * answers stored pages itself, forwarding everything else here over a Unix socket (ADR 029).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import next from 'next';
import { config } from './lib/config';
import { createFrontLayer, type FrontLayer } from './lib/front/handler';
import { startHitWorker, type HitWorker } from './lib/front/hit-worker-host';
import { startInstance } from './lib/instance';
import { beginShutdown, drainServer, exitOnSignals, stopInstance } from './lib/shutdown';
import { journalPath } from './lib/invalidation-journal';
import { flushViews } from './lib/views';

export interface RunningServer {
  /** The main thread's server: on the site's port, or behind the hit worker on a Unix socket. */
  server: Server;
  url: string;
  front: FrontLayer;
  close(): Promise<void>;
}

export interface ServerOptions {
  dev?: boolean;
  /** Overrides PORT (0 picks a free port). */
  port?: number;
  hostname?: string;
}

/**
 * Memory settings of a production server (ADR 020), applied before Next loads its bundles.
 * - Source maps off: tsx switches Node's on, and Node then reads and keeps the map of every chunk
 *   Next loads (~25 MB of .map files); `next start` runs without them too.
 * - The old space may grow to 1.5× the live heap before the next full collection, where V8 allows up
 *   to 4× when the heap limit is large (as on any machine with a few GB): the live heap is ~60–100 MB,
 *   and under warm load the 4× factor let garbage swing RSS by ~150 MB between collections (ADR 020;
 *   2× until ADR 027). V8 reads this flag at every collection, so setting it at run time takes effect.
 *   The young generation's size is read only at start: the launchers pass SERVER_NODE_FLAGS.
 */
function tuneMemory(): void {
  process.setSourceMapsEnabled(false);
  setFlagsFromString('--heap-growing-percent=50');
}

/** The main thread's part of CACHE_MAX_MB when the hit worker holds the rest (ADR 029). */
const MAIN_CACHE_SHARE = 0.25;

function listen(server: Server, ...address: [path: string] | [port: number, host: string]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(...(address as [number, string]), () => {
      server.off('error', reject);
      resolve();
    });
  });
}

export async function startServer({ dev = false, port, hostname }: ServerOptions = {}): Promise<RunningServer> {
  if (!dev) tuneMemory();
  const settings = config();
  const host = hostname ?? settings.HOST;
  const listenPort = port ?? settings.PORT;
  const dir = import.meta.dirname;
  const app = next({ dev, hostname: host, port: listenPort, dir });
  const handle = app.getRequestHandler();
  await app.prepare();
  // One instance in production: stored pages are answered by the hit worker (ADR 029). With Redis,
  // every hit must check shared stamps, which only the main thread can.
  const withHitWorker = !dev && settings.HIT_WORKER && !settings.REDIS_URL;
  const cacheBytes = settings.CACHE_MAX_MB * 1024 * 1024;
  const mainCacheBytes = Math.ceil(cacheBytes * MAIN_CACHE_SHARE);
  let hitWorker: HitWorker | undefined;
  const front = createFrontLayer({
    handle: (req, res) => handle(req, res),
    dev,
    // Behind the worker, this cache serves what the worker lacks and the renders others wait for.
    cacheMaxBytes: withHitWorker ? mainCacheBytes : cacheBytes,
    behindHitWorker: withHitWorker,
    share: withHitWorker ? (key, entry) => hitWorker?.share(key, entry) : undefined,
    sMaxage: settings.CACHE_S_MAXAGE,
    siteUrl: settings.SITE_URL,
    trustProxy: settings.TRUST_PROXY,
    publicDir: join(dir, 'public'),
  });
  // ops hook (lib/instance.ts, lib/shutdown.ts): shared invalidation with REDIS_URL (the journal
  // of command-line tools without it), and the periodic jobs — scheduled publishing among them —
  // once across all instances. Before listening: a request answered (and cached) before the
  // bridge is up could miss an invalidation, and /api/ready must not say yes while the instance
  // is still starting (a SIGTERM then would find no shutdown handler yet).
  const { runDueJobs } = await import('./lib/scheduler');
  await startInstance({ publishDue: runDueJobs });
  const server = createServer((req, res) => {
    void front(req, res);
  });
  let boundPort: number;
  let socketDir: string | undefined;
  if (withHitWorker) {
    // A directory only this user can enter: whoever reaches the socket is believed about clients.
    socketDir = mkdtempSync(join(tmpdir(), 'broadsheet-'));
    const upstream = join(socketDir, 'main.sock');
    await listen(server, upstream);
    // The worker's own sockets to us are the only clients: an idle one must never be closed under a request.
    server.keepAliveTimeout = 0;
    try {
      hitWorker = await startHitWorker({
        host,
        port: listenPort,
        upstream,
        trustProxy: settings.TRUST_PROXY,
        siteHttps: settings.SITE_URL.startsWith('https:'),
        sMaxage: settings.CACHE_S_MAXAGE,
        cacheMaxBytes: cacheBytes - mainCacheBytes,
        publicFiles: [...front.publicFiles],
        journalPath: journalPath(),
      });
    } catch (error) {
      server.close();
      rmSync(socketDir, { recursive: true, force: true });
      throw error;
    }
    boundPort = hitWorker.port;
  } else {
    await listen(server, listenPort, host);
    const address = server.address();
    boundPort = typeof address === 'object' && address ? address.port : listenPort;
  }
  const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${boundPort}`;
  return {
    server,
    url,
    front,
    close: async () => {
      // In-flight requests finish first (the worker's, which reach the main thread, before the
      // main thread's own); then views are written and jobs, Redis, the database stop.
      beginShutdown();
      await hitWorker?.close();
      await drainServer(server);
      if (socketDir) rmSync(socketDir, { recursive: true, force: true });
      front.close();
      await flushViews().catch((error: unknown) => console.error('Writing view counts failed:', error));
      await stopInstance();
    },
  };
}

if (process.argv[1] === import.meta.filename) {
  const running = await startServer({ dev: process.argv.includes('--dev') });
  console.log(`Broadsheet listening on ${running.url}`);
  exitOnSignals(running.close);
}
