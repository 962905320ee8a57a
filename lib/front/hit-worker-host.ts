/**
 * The main thread's side of the hit worker (ADR 029): starts it on the site's port, hands it every
 * stored response that answers a shared request and every invalidation, and starts it again should
 * it ever die. Updates go over their own MessagePort, each followed by a bump of a shared counter
 * that the worker reads before answering anything, so it never answers from a cache the main
 * thread has already changed.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { onInvalidate } from '../cache-tags';
import type { CacheEntry } from './cache';
import type { HitWorkerCommand, HitWorkerData, HitWorkerReport, HitWorkerUpdate } from './hit-worker-protocol';

export type HitWorkerOptions = Omit<HitWorkerData, 'signal' | 'updates'>;

export interface HitWorker {
  /** The port the site listens on. */
  readonly port: number;
  share(key: string, entry: CacheEntry): void;
  close(graceMs?: number): Promise<void>;
}

/**
 * In the production bundle the worker runs from its own bundle beside the server's. Under tsx or
 * Vitest it runs from source, loaded through tsx's API: a worker does not take loader flags.
 */
function createWorker(data: HitWorkerData, transferList: MessagePort[]): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./hit-worker.mjs', import.meta.url), { workerData: data, transferList });
  const source = new URL('./hit-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(bootstrap, { eval: true, workerData: data, transferList });
}

interface Running {
  worker: Worker;
  updates: MessagePort;
  signal: Int32Array;
}

function spawn(options: HitWorkerOptions): Promise<{ running: Running; port: number }> {
  const { port1: updates, port2: received } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const data: HitWorkerData = { ...options, signal: signal.buffer as SharedArrayBuffer, updates: received };
  const worker = createWorker(data, [received]);
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`The hit worker stopped while starting (exit code ${code}).`));
    worker.once('exit', onExit);
    worker.once('error', reject);
    worker.on('message', function started(report: HitWorkerReport) {
      if (report.kind === 'closed') return;
      worker.off('message', started);
      worker.off('exit', onExit);
      worker.off('error', reject);
      if (report.kind === 'failed') {
        void worker.terminate();
        reject(Object.assign(new Error(`The hit worker could not listen on ${options.host}:${options.port}: ${report.message}`), { code: report.code }));
      } else resolve({ running: { worker, updates, signal }, port: report.port });
    });
  });
}

export async function startHitWorker(options: HitWorkerOptions): Promise<HitWorker> {
  const first = await spawn(options);
  let running: Running | undefined = first.running;
  const port = first.port;
  let closing = false;

  function post(update: HitWorkerUpdate): void {
    if (!running) return;
    running.updates.postMessage(update);
    Atomics.add(running.signal, 0, 1);
  }

  function watch(current: Running): void {
    current.worker.on('error', (error) => console.error('The hit worker failed:', error));
    current.worker.once('exit', (code) => {
      if (closing || running !== current) return;
      running = undefined;
      console.error(`The hit worker stopped (exit code ${code}); starting it again.`);
      // Its successor starts empty and fills as the main thread answers what it forwards.
      spawn({ ...options, port }).then(
        (next) => {
          running = next.running;
          watch(next.running);
        },
        (error: unknown) => console.error('Restarting the hit worker failed:', error),
      );
    });
  }
  watch(first.running);

  const stopListening = onInvalidate((tags) => post({ kind: 'invalidate', tags: [...tags] }));

  return {
    port,
    share(key, entry) {
      post({ kind: 'store', key, status: entry.status, headers: entry.headers, body: entry.identity.body, tags: [...entry.tags], expiresAt: entry.expiresAt });
    },
    async close(graceMs = 10_000) {
      closing = true;
      stopListening();
      const current = running;
      running = undefined;
      if (!current) return;
      const closed = new Promise<void>((resolve) => {
        current.worker.on('message', (report: HitWorkerReport) => report.kind === 'closed' && resolve());
        current.worker.once('exit', () => resolve());
      });
      current.worker.postMessage({ kind: 'close', graceMs } satisfies HitWorkerCommand);
      await closed;
      current.updates.close();
      await current.worker.terminate();
    },
  };
}
