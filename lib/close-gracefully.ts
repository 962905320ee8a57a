/**
 * Closing an HTTP server without cutting anyone off: used by the shutdown sequence and by the hit
 * worker (ADR 029), which must not load the database modules lib/shutdown.ts brings along.
 */
import type { Server } from 'node:http';

/**
 * Stops accepting connections and resolves once every in-flight request has been answered, or
 * after `graceMs`, when the remaining connections are cut.
 */
export async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection becomes idle once its request is answered; close it then, or a
  // client that keeps its connection open would hold the shutdown until the grace period ends.
  server.closeIdleConnections();
  const sweeper = setInterval(() => server.closeIdleConnections(), 25);
  const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
  try {
    await closed;
  } finally {
    clearInterval(sweeper);
    clearTimeout(deadline);
  }
}
