/**
 * The client's address for per-IP limits. X-Forwarded-For is believed only when the connection
 * comes from a configured proxy (TRUST_PROXY); otherwise anyone could claim any address.
 */
import { isIP } from 'node:net';

/** An address as configured in TRUST_PROXY: IPv4 peers on dual-stack sockets lose their ::ffff: prefix. */
export function plainAddress(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function clientIp(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: readonly string[]): string {
  const peer = plainAddress(socketAddress ?? '');
  if (!trusted.length || !trusted.includes(peer) || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => plainAddress(hop.trim()))
    .filter((hop) => isIP(hop) !== 0);
  // Walk from the nearest hop outward; the first address that is not one of our proxies is the client.
  for (let i = hops.length - 1; i >= 0; i -= 1) if (!trusted.includes(hops[i]!)) return hops[i]!;
  return hops[0] ?? peer;
}
