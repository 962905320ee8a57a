/**
 * Next proxy for the newsroom (DESIGN §1): the admin keeps Next's client runtime, so its CSP
 * allows scripts by a fresh per-request nonce instead of by hash. Next reads the nonce from the
 * request's Content-Security-Policy header and puts it on its own scripts. Reader pages never
 * come here: the front layer gives them a fixed, cacheable CSP.
 */
import { NextResponse, type NextRequest } from 'next/server';

export function adminCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced bootstrap load Next's chunks; dev needs eval for fast refresh.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "media-src 'self' blob: https:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = adminCsp(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  response.headers.set('cache-control', 'private, no-store');
  // The front layer sets it too; repeated here so the newsroom stays unframeable under `next dev`/`next start`.
  response.headers.set('x-frame-options', 'DENY');
  return response;
}

export const config = {
  matcher: ['/admin/:path*', '/admin'],
};
