/**
 * A stand-in for `next/headers` in Vitest, where no request exists: a cookie jar and request
 * headers the test controls. Use it as `vi.mock('next/headers', () => import('./testing/next-request'))`
 * so server actions read and write real session cookies against the test's database.
 */
import { createSession } from '../auth/session';
import type { Actor } from '../auth/actor';
import { config } from '../config';
import { sessionCookieName } from '../session-cookie';

export const jar = new Map<string, string>();
export const requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.7', 'user-agent': 'vitest' });

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) => void jar.delete(typeof options === 'string' ? options : options.name),
  };
}

export async function headers(): Promise<Headers> {
  return requestHeaders;
}

/** The session token the fake browser holds, if any. */
export function sessionToken(): string | undefined {
  return jar.get(sessionCookieName(config().SITE_URL));
}

/** Puts a token in the fake browser's cookie jar (or empties it). */
export function holdToken(token: string | undefined): void {
  jar.clear();
  if (token) jar.set(sessionCookieName(config().SITE_URL), token);
}

/** Signs the fake browser in as `actor` with a fresh real session, or out when null. */
export async function signInAs(actor: Actor | null): Promise<void> {
  holdToken(actor ? await createSession(actor.userId) : undefined);
}
