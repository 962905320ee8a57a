/**
 * A ServerResponse that buffers what Next writes instead of sending it, so the front layer can
 * strip, compress and store the page before any byte reaches the client (DESIGN §2.3).
 *
 * Responses larger than `spillAfter` bytes (big feeds, sitemap chunks, DESIGN §8.15) are not
 * held in memory: once the limit is crossed the capture replays what it has to `spillTo` and
 * streams the rest straight through, with backpressure.
 */
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { Writable } from 'node:stream';

export interface CapturedResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

export interface CaptureOptions {
  spillAfter: number;
  /** Called once when the response turns out too big to buffer; returns where to stream it. */
  onSpill?: (status: number, headers: OutgoingHttpHeaders) => Writable | undefined;
}

type Chunk = string | Uint8Array;
type Callback = (error?: Error | null) => void;

export class CaptureResponse extends ServerResponse {
  private readonly chunks: Buffer[] = [];
  private bufferedBytes = 0;
  private spilled?: Writable | null;
  private readonly options: CaptureOptions;
  private resolveDone!: (result: CapturedResponse | 'spilled') => void;
  /** Resolves with the buffered response, or `'spilled'` when it was streamed through. */
  readonly done: Promise<CapturedResponse | 'spilled'>;

  constructor(req: IncomingMessage, options: CaptureOptions) {
    super(req);
    this.options = options;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    // Without a socket Node would report these wrongly; Next consults both while streaming.
    Object.defineProperty(this, 'writableFinished', { get: () => this.finished });
    Object.defineProperty(this, 'headersSent', { get: () => this.finished || this.spilled !== undefined });
  }

  override writeHead(statusCode: number, ...rest: unknown[]): this {
    this.statusCode = statusCode;
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
        if (value !== undefined) this.setHeader(name, value);
      }
    }
    return this;
  }

  override flushHeaders(): void {}

  override write(chunk: Chunk, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback): boolean {
    const cb = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (this.finished) {
      // The reader of a streamed response left (see spill): what Next still writes goes nowhere.
      cb?.();
      return true;
    }
    const encoding = typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined;
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.spilled) {
      const ok = this.spilled.write(buffer, cb);
      if (!ok) this.spilled.once('drain', () => this.emit('drain'));
      return ok;
    }
    this.chunks.push(Buffer.from(buffer));
    this.bufferedBytes += buffer.length;
    if (this.bufferedBytes > this.options.spillAfter && this.spilled === undefined) this.spill();
    cb?.();
    return true;
  }

  override end(chunkOrCallback?: Chunk | Callback, encodingOrCallback?: BufferEncoding | Callback, callback?: Callback): this {
    if (this.finished) return this;
    const cb = [chunkOrCallback, encodingOrCallback, callback].find((arg) => typeof arg === 'function') as Callback | undefined;
    if (chunkOrCallback !== undefined && typeof chunkOrCallback !== 'function') {
      this.write(chunkOrCallback, typeof encodingOrCallback === 'string' ? encodingOrCallback : undefined);
    }
    this.finished = true;
    if (this.spilled) {
      this.spilled.end();
      this.resolveDone('spilled');
    } else {
      this.resolveDone({ status: this.statusCode, headers: this.getHeaders(), body: Buffer.concat(this.chunks) });
    }
    cb?.();
    queueMicrotask(() => {
      this.emit('finish');
      this.emit('close');
    });
    return this;
  }

  /** Gives up buffering: hands status, headers and what is buffered to the real response. */
  private spill(): void {
    const target = this.options.onSpill?.(this.statusCode, this.getHeaders());
    this.spilled = target ?? null;
    if (!target) return;
    // A reader who leaves mid-stream closes the real response: Next, waiting for a drain that
    // will never come, must hear a close as it would from its own response, and the render must
    // end, or every later request for this URL would wait on it forever.
    target.once('close', () => {
      if (this.finished) return;
      this.finished = true;
      this.resolveDone('spilled');
      this.emit('drain');
      this.emit('close');
    });
    for (const chunk of this.chunks) target.write(chunk);
    this.chunks.length = 0;
  }
}
