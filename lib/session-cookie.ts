/**
 * Names of the staff session cookie. Under HTTPS the `__Host-` prefix pins it to our origin.
 * The front layer never caches a response to a request carrying either name.
 */
export const SESSION_COOKIE = 'broadsheet_session';
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export function sessionCookieName(siteUrl: string): string {
  return siteUrl.startsWith('https:') ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}
