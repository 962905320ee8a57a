/**
 * The hit worker's way to the main thread (ADR 029): a request it cannot answer from memory goes
 * over a Unix socket to the server in the main thread, body and all, and the answer streams back
 * as it comes (a sitemap, an upload's progress), with the client's address decided here.
 */
import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { PRIVATE_NO_STORE, SECURITY_HEADERS } from './headers';

/** Headers about one connection, not the message (RFC 9110 §7.6.1), and what Node sets itself. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer', 'expect']);
const RESPONSE_DROPPED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

export class Forwarder {
  // With keep-alive on both sides, and the main thread's server never timing idle sockets out, a
  // reused socket is never closed under a request.
  private readonly agent = new Agent({ keepAlive: true });

  constructor(private readonly socketPath: string) {}

  /**
   * Sends `req` upstream with `extraHeaders` replacing the client's own, and its answer back.
   * `settled` runs once the upstream answered or failed.
   */
  forward(req: IncomingMessage, res: ServerResponse, extraHeaders: OutgoingHttpHeaders, settled?: () => void): void {
    const upstream = request({ socketPath: this.socketPath, agent: this.agent, method: req.method, path: req.url, headers: { ...requestHeaders(req.headers), ...extraHeaders } });
    let done = false;
    let clientLeft = false;
    const settle = () => {
      if (done) return;
      done = true;
      settled?.();
    };
    upstream.on('response', (answer) => {
      settle();
      const headers: string[] = [];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        if (!RESPONSE_DROPPED.has(answer.rawHeaders[i]!.toLowerCase())) headers.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (error) => {
      settle();
      // Destroyed below because the client left (a cancelled prefetch, a closed tab): nothing to tell anyone.
      if (clientLeft) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      console.error(`Forwarding ${req.method} ${req.url} to the main thread failed:`, error.message);
      res.writeHead(502, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': PRIVATE_NO_STORE, 'retry-after': '1' });
      res.end('The site is restarting. Please try again in a moment.\n');
    });
    // A client that leaves takes the upstream request with it: the main thread stops working for no one.
    res.on('close', () => {
      if (res.writableFinished) return;
      clientLeft = true;
      upstream.destroy();
    });
    req.on('error', () => upstream.destroy());
    req.pipe(upstream);
  }

  close(): void {
    this.agent.destroy();
  }
}

function requestHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = new Set((headers.connection ?? '').split(',').map((name) => name.trim().toLowerCase()));
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !named.has(name)) kept[name] = value;
  }
  return kept;
}
