/**
 * How the three kinds of server entry point turn the auth errors from lib/ into responses:
 * pages redirect, route handlers answer 401/403 JSON, server actions return a message.
 * Each entry point still authorizes itself; the data layer checks again.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { config } from '../config';
import { AuthenticationError, AuthorizationError, ROLES, type Actor, type Role } from './actor';
import { getCurrentActor } from './session';

export const LOGIN_PATH = '/admin/login';

/** For admin pages: the actor, or a redirect to sign in (anonymous) or to the dashboard (wrong role). */
export async function requireStaffPage(...roles: Role[]): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect(LOGIN_PATH);
  if (!(roles.length ? roles : ROLES).includes(actor.role)) redirect('/admin?denied=1');
  return actor;
}

/** For route handlers: the JSON response for an auth error, or null for any other error. */
export function authErrorResponse(error: unknown): Response | null {
  if (error instanceof AuthenticationError || error instanceof AuthorizationError) {
    return Response.json({ error: error.message }, { status: error.status, headers: { 'Cache-Control': 'private, no-store' } });
  }
  return null;
}

/** For server actions: the message to show for an auth error, or null for any other error. */
export function actionAuthError(error: unknown): string | null {
  if (error instanceof AuthenticationError) return 'Your session has ended. Sign in again (your text is still here).';
  if (error instanceof AuthorizationError) return error.message;
  return null;
}

/**
 * Route handlers that change state refuse cross-site requests (Next checks server actions itself).
 * A request passes when its Origin — or, lacking one, its Referer — is our own origin. Browsers
 * that send Fetch Metadata also say where the request came from: anything but `same-origin` (or
 * `none`, typed into the address bar) is refused, which also shuts out a sibling subdomain that
 * shares our site but not our origin.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const allowed = new Set([new URL(config().SITE_URL).origin, new URL(request.url).origin]);
  const origin = request.headers.get('origin');
  if (origin) return allowed.has(origin);
  const referer = request.headers.get('referer');
  if (!referer) return false;
  try {
    return allowed.has(new URL(referer).origin);
  } catch {
    return false;
  }
}

export function crossSiteResponse(): Response {
  return Response.json({ error: 'Cross-site requests are refused.' }, { status: 403 });
}

/** Client address and browser for the session list and the per-IP login limit. */
export async function requestMeta(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  // Next fills x-forwarded-for from the socket when no proxy set it; behind a proxy, its value comes first.
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
  return { ip, userAgent: h.get('user-agent') };
}

/** A `next` parameter is followed only within the newsroom, never to another site. */
export function safeNextPath(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/|$|\?)/.test(value) && !value.startsWith('//') ? value : '/admin';
}
