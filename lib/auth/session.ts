/**
 * Server-side staff sessions (DESIGN: auth lives in lib/). The cookie carries a random 256-bit
 * token; the Session table stores only its SHA-256, so a leaked database cannot be replayed as
 * cookies. A session ends after IDLE_TIMEOUT_MS without use or ABSOLUTE_TIMEOUT_MS after sign-in,
 * whichever comes first, and whenever the account is disabled.
 *
 * The first half of this module is plain data access (usable from scripts and tests); the second
 * half reads and writes the cookie through `next/headers` and is for server components, server
 * actions and route handlers.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cache } from 'react';
import { config } from '../config';
import { db, write, type Tx } from '../db';
import { sessionCookieName } from '../session-cookie';
import { requireRole, ROLES, type Actor, type Role } from './actor';

export const IDLE_TIMEOUT_MS = 8 * 3600_000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 3600_000;
/** lastSeenAt is written at most this often, so browsing the newsroom is not a stream of writes. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function expiry(createdAt: Date, lastSeenAt: Date): Date {
  return new Date(Math.min(createdAt.getTime() + ABSOLUTE_TIMEOUT_MS, lastSeenAt.getTime() + IDLE_TIMEOUT_MS));
}

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

/** Opens a session for `userId` and returns its token (the only time the token exists in clear). */
export async function createSession(userId: number, meta: SessionMeta = {}, now = new Date(), tx?: Tx): Promise<string> {
  const token = newToken();
  const data = {
    tokenHash: hashSessionToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: expiry(now, now),
    ip: meta.ip?.slice(0, 100) ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  };
  if (tx) await tx.session.create({ data });
  else await write((t) => t.session.create({ data }));
  return token;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The actor a token stands for, or null when it is unknown, expired or its account is disabled. */
export async function actorForSessionToken(token: string | undefined | null, now = new Date()): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashSessionToken(token);
  const session = await db().session.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      expiresAt: true,
      user: { select: { id: true, name: true, email: true, role: true, disabledAt: true, person: { select: { id: true } } } },
    },
  });
  if (!session) return null;
  const { user } = session;
  if (session.expiresAt <= now || user.disabledAt || !isRole(user.role)) {
    await write((tx) => tx.session.deleteMany({ where: { id: session.id } }));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await write((tx) => tx.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now, expiresAt: expiry(session.createdAt, now) } }));
  }
  return { userId: user.id, role: user.role, name: user.name, email: user.email, personId: user.person?.id ?? null };
}

export async function deleteSession(token: string): Promise<void> {
  const tokenHash = hashSessionToken(token);
  await write((tx) => tx.session.deleteMany({ where: { tokenHash } }));
}

/** Ends every session of a user (log out everywhere, disable, password change), optionally but one. */
export async function deleteUserSessions(tx: Tx, userId: number, keepToken?: string): Promise<number> {
  const keep = keepToken ? hashSessionToken(keepToken) : undefined;
  const { count } = await tx.session.deleteMany({ where: { userId, ...(keep ? { tokenHash: { not: keep } } : {}) } });
  return count;
}

/** Housekeeping for the scheduler: expired rows serve no one. */
export async function purgeExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await write((tx) => tx.session.deleteMany({ where: { expiresAt: { lte: now } } }));
  return count;
}

// ---- Request side: the cookie ----

/**
 * Loaded on first use: this module also serves plain Node (server.ts's scheduler, scripts), where
 * merely importing next/headers throws before Next has set up its AsyncLocalStorage.
 */
async function cookies() {
  const headers = await import('next/headers');
  return headers.cookies();
}

function cookieName(): string {
  return sessionCookieName(config().SITE_URL);
}

/** The raw token from the request's cookie, if any. */
export async function currentSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(cookieName())?.value;
}

/** Sets the session cookie. HttpOnly and SameSite=Lax always; Secure (and the `__Host-` name) under HTTPS. */
export async function setSessionCookie(token: string): Promise<void> {
  const secure = config().SITE_URL.startsWith('https:');
  (await cookies()).set(cookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: Math.floor(ABSOLUTE_TIMEOUT_MS / 1000),
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete({ name: cookieName(), path: '/', secure: config().SITE_URL.startsWith('https:') });
}

/** Who is signed in for this request, or null. Memoised per render. */
export const getCurrentActor: () => Promise<Actor | null> = cache(async () => actorForSessionToken(await currentSessionToken()));

/**
 * The signed-in actor holding one of `roles` (any role when none are given). Throws
 * AuthenticationError (401) or AuthorizationError (403): route handlers map them with
 * `authErrorResponse`, server actions with `actionAuthError`, pages use `requireStaffPage`.
 */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  return requireRole(await getCurrentActor(), ...(roles.length ? roles : ROLES));
}
