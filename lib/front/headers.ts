/**
 * Response headers the front layer sets itself (DESIGN §2.4, §8.13). Reader pages get a strict
 * CSP with no inline script except the theme snippet's hash, so cached HTML needs no nonce.
 */
import { THEME_SNIPPET_HASH } from '../theme-snippet';

/** Origins click-to-load embeds may frame (public/enhance.js builds iframes only on reader click). */
export const EMBED_ORIGINS = [
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://www.google.com',
  'https://open.spotify.com',
  'https://w.soundcloud.com',
  'https://platform.twitter.com',
  'https://www.instagram.com',
  'https://www.facebook.com',
] as const;

export function readerCsp({ https }: { https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${THEME_SNIPPET_HASH}`,
    // Inline style attributes come from React props (e.g. image aspect ratios); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "media-src 'self' https:",
    "connect-src 'self'",
    `frame-src ${EMBED_ORIGINS.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** Headers every response carries, reader or not. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  // no-referrer would make Chrome send `Origin: null` on same-origin POSTs (DESIGN §8.13).
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  // Older browsers ignore CSP frame-ancestors; nothing of ours is meant to be framed (clickjacking).
  'x-frame-options': 'DENY',
};

/**
 * One year, this host only: the site's own subdomains may be run by others over plain HTTP, and
 * `preload` is a decision for the operator, not the software.
 */
export const HSTS = 'max-age=31536000';

/**
 * True when the client reached us over HTTPS: SITE_URL says so (TLS ends in front of us on every
 * request), or a trusted proxy says this request arrived as https. A client's own
 * X-Forwarded-Proto is not believed.
 */
export function viaHttps({ siteHttps, trustedPeer, forwardedProto }: { siteHttps: boolean; trustedPeer: boolean; forwardedProto: string | string[] | undefined }): boolean {
  if (siteHttps) return true;
  if (!trustedPeer || forwardedProto === undefined) return false;
  // A chain of proxies lists one protocol per hop; the first is what the client used.
  const first = (Array.isArray(forwardedProto) ? forwardedProto[0]! : forwardedProto).split(',')[0]!.trim().toLowerCase();
  return first === 'https';
}

export const PRIVATE_NO_STORE = 'private, no-store';

/**
 * Cache-Control for a shared reader response: the origin is exact, a CDN may lag by `sMaxage`
 * seconds (fewer when the entry expires sooner) and serve stale briefly while it refetches.
 */
export function publicCacheControl(sMaxage: number, secondsLeft?: number): string {
  const shared = Math.max(0, Math.min(sMaxage, secondsLeft === undefined ? sMaxage : Math.floor(secondsLeft)));
  const stale = Math.min(60, shared * 2);
  return `public, max-age=0, s-maxage=${shared}, stale-while-revalidate=${stale}`;
}
