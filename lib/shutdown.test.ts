import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { drainServer, isShuttingDown } from './shutdown';

function get(port: number, path: string, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.closeAllConnections()));

async function slowServer(delayMs: number): Promise<number> {
  const server = createServer((req, res) => {
    setTimeout(() => res.end(`done ${req.url}`), req.url === '/slow' ? delayMs : 0);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('graceful shutdown', () => {
  it('finishes in-flight requests, refuses new connections, and does not wait for idle keep-alive clients', async () => {
    const port = await slowServer(300);
    const server = servers.at(-1)!;
    const keepAlive = new Agent({ keepAlive: true });
    expect((await get(port, '/warm', keepAlive)).status).toBe(200); // leaves an idle keep-alive socket

    const inFlight = get(port, '/slow');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const drained = drainServer(server, 5_000);

    expect(isShuttingDown()).toBe(true);
    await expect(get(port, '/late')).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, body: 'done /slow' });
    await drained;
    // Drained when the slow request ended, not after the 5 s grace period.
    expect(Date.now() - started).toBeLessThan(1_500);
    keepAlive.destroy();
  });

  it('cuts requests that outlive the grace period', async () => {
    const port = await slowServer(10_000);
    const inFlight = get(port, '/slow').catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await drainServer(servers.at(-1)!, 200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
