/**
 * The hit worker (ADR 029): a worker thread that owns the site's listening socket and answers
 * stored reader pages itself, in an isolate where Node's HTTP code runs without Next beside it
 * (ADR 028 measured 1.8× the main thread's rate on the same bytes). Everything else — misses,
 * the newsroom, APIs, readers with a session — is forwarded to the main thread's server.
 *
 * Its cache holds only what the main thread handed over (lib/front/hit-worker-host.ts): responses
 * stored there, and invalidations, in the order the main thread made them. Before answering, the
 * worker applies every update posted so far, read synchronously: an editor's publication is
 * applied before the main thread answers the editor, so the next request sees it here too.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { tags as tagNames } from '../cache-tags';
import { closeGracefully } from '../close-gracefully';
import { createJournalReader } from '../invalidation-journal';
import { FrontCache } from './cache';
import { clientIp, plainAddress } from './client-ip';
import { buildEntry } from './encode';
import { Forwarder } from './forward';
import { viaHttps } from './headers';
import { CATCH_UP_HEADER, type HitWorkerCommand, type HitWorkerData, type HitWorkerReport, type HitWorkerUpdate } from './hit-worker-protocol';
import { isReaderRequest, mayServeStored } from './reader-request';
import { StoredResponder } from './respond';
import { RequestTargets } from './targets';

/** Updates are also applied this often without requests, so an idle worker holds no backlog. */
const IDLE_APPLY_MS = 1_000;

const data = workerData as HitWorkerData;
const parent = parentPort!;
const signal = new Int32Array(data.signal);
const files = new Set(data.publicFiles);
const cache = new FrontCache({ maxBytes: data.cacheMaxBytes });
const responder = new StoredResponder({ siteHttps: data.siteHttps, sMaxage: data.sMaxage, grown: (key, entry) => cache.resize(key, entry) });
const targets = new RequestTargets();
const forwarder = new Forwarder(data.upstream);

let appliedSignal = 0;

function applyUpdate(update: HitWorkerUpdate): void {
  if (update.kind === 'store') {
    const body = Buffer.from(update.body.buffer, update.body.byteOffset, update.body.byteLength);
    cache.set(update.key, buildEntry({ status: update.status, headers: update.headers, body, tags: new Set(update.tags), expiresAt: update.expiresAt }));
  } else if (update.tags.includes(tagNames.redirects)) {
    // Any stored page may now be a redirect, and only the main thread has the table.
    cache.clear();
  } else {
    cache.applyInvalidation(update.tags);
  }
}

/** Applies every update the main thread has posted so far; a single atomic read when there is none. */
function applyUpdates(): void {
  const posted = Atomics.load(signal, 0);
  if (posted === appliedSignal) return;
  appliedSignal = posted;
  for (let message = receiveMessageOnPort(data.updates); message; message = receiveMessageOnPort(data.updates)) {
    applyUpdate(message.message as HitWorkerUpdate);
  }
}

// A command-line tool's invalidations reach the main thread through the journal (ADR 018). This
// worker only notices them: until the main thread has answered a request forwarded after the
// notice (with CATCH_UP_HEADER, so it reads the journal first), stored pages are not served.
let journalLinesSeen = 0;
let journalLinesApplied = 0;
const journal = data.journalPath ? createJournalReader(data.journalPath, () => void (journalLinesSeen += 1), { watch: true }) : undefined;

function journalApplied(): boolean {
  journal?.catchUp();
  return journalLinesApplied === journalLinesSeen;
}

function onRequest(req: IncomingMessage, res: ServerResponse): void {
  let https = false;
  try {
    applyUpdates();
    const trustedPeer = data.trustProxy.includes(plainAddress(req.socket.remoteAddress ?? ''));
    https = viaHttps({ siteHttps: data.siteHttps, trustedPeer, forwardedProto: req.headers['x-forwarded-proto'] });
    const target = targets.get(req.url ?? '/');
    if (isReaderRequest(req, target, files) && mayServeStored(req, target) && journalApplied()) {
      const hit = cache.get(target.url.key);
      if (hit) {
        responder.sendHit(req, res, hit, target.url.key, https);
        return;
      }
    }
  } catch (error) {
    console.error(`The hit worker failed on ${req.method} ${req.url}; forwarding it:`, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
  }
  forward(req, res, https);
}

function forward(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  // The main thread believes these two headers from us alone: the client's own are replaced.
  const client = clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], data.trustProxy);
  delete req.headers['x-forwarded-proto'];
  delete req.headers[CATCH_UP_HEADER];
  const extra: Record<string, string> = { 'x-forwarded-for': client };
  if (https) extra['x-forwarded-proto'] = 'https';
  const journalLines = journalLinesSeen;
  if (journalLines !== journalLinesApplied) extra[CATCH_UP_HEADER] = '1';
  forwarder.forward(req, res, extra, () => {
    journalLinesApplied = Math.max(journalLinesApplied, journalLines);
  });
}

function report(message: HitWorkerReport): void {
  parent.postMessage(message);
}

const server = createServer(onRequest);
const idle = setInterval(applyUpdates, IDLE_APPLY_MS);
server.on('error', (error: NodeJS.ErrnoException) => report({ kind: 'failed', message: error.message, code: error.code }));
server.listen(data.port, data.host, () => {
  const address = server.address();
  report({ kind: 'listening', port: typeof address === 'object' && address ? address.port : data.port });
});

parent.on('message', (command: HitWorkerCommand) => {
  if (command.kind !== 'close') return;
  void closeGracefully(server, command.graceMs).finally(() => {
    clearInterval(idle);
    journal?.close();
    forwarder.close();
    data.updates.close();
    report({ kind: 'closed' });
  });
});
