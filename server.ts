/**
 * Broadsheet's HTTP server: wraps Next's request handler (custom-server mode, DESIGN §2).
 * Reader requests will pass through the front layer in lib/front/; for now every request goes
 * straight to Next.
 */
import { createServer, type Server } from 'node:http';
import next from 'next';
import { config } from './lib/config';
import { startInstance } from './lib/instance';
import { exitOnSignals, gracefulShutdown } from './lib/shutdown';

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer({ dev = false }: { dev?: boolean } = {}): Promise<RunningServer> {
  const { PORT, HOST } = config();
  const app = next({ dev, hostname: HOST, port: PORT, dir: import.meta.dirname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(PORT, HOST, resolve));
  const url = `http://${HOST === '0.0.0.0' ? 'localhost' : HOST}:${PORT}`;
  // ops hook: shared invalidation (REDIS_URL) and periodic jobs start here; close() drains
  // in-flight requests, stops jobs and closes Redis and the database (lib/instance.ts, lib/shutdown.ts).
  await startInstance();
  return {
    server,
    url,
    close: () => gracefulShutdown(server),
  };
}

if (process.argv[1] === import.meta.filename) {
  const running = await startServer({ dev: process.argv.includes('--dev') });
  console.log(`Broadsheet listening on ${running.url}`);
  exitOnSignals(running.close);
}
