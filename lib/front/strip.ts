/**
 * Removes Next's client runtime from reader HTML (DESIGN §1, §2.3): framework script tags, the
 * inline RSC payload and script preloads. What stays executable is the theme snippet and the
 * enhancement module, which this module also inserts. JSON-LD blocks are data and stay.
 */
import { THEME_SNIPPET } from '../theme-snippet';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b[^>]*>/gi;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function keepScript(attributes: string, content: string, enhancePath: string): boolean {
  const type = attribute(attributes, 'type')?.toLowerCase();
  if (type === 'application/ld+json') return true;
  const src = attribute(attributes, 'src');
  if (src !== undefined) return src.split('?')[0] === enhancePath;
  return content === THEME_SNIPPET;
}

function isScriptPreload(tag: string): boolean {
  const rel = attribute(tag, 'rel')?.toLowerCase() ?? '';
  if (rel.split(/\s+/).includes('modulepreload')) return true;
  return rel.split(/\s+/).includes('preload') && attribute(tag, 'as')?.toLowerCase() === 'script';
}

export interface StripOptions {
  /** URL of the enhancement module, e.g. `/enhance.js?v=ab12cd`. */
  enhanceUrl: string;
}

/** Returns `html` without the client runtime and with the theme snippet and enhancement module. */
export function stripRuntime(html: string, { enhanceUrl }: StripOptions): string {
  const enhancePath = enhanceUrl.split('?')[0]!;
  let out = html.replace(SCRIPT, (whole, attributes: string, content: string) =>
    keepScript(attributes, content, enhancePath) ? whole : '',
  );
  out = out.replace(LINK, (tag) => (isScriptPreload(tag) ? '' : tag));

  const headOpen = /<head\b[^>]*>/i.exec(out);
  if (!headOpen) return out;
  const hasSnippet = out.includes(`>${THEME_SNIPPET}</script>`);
  const hasEnhance = new RegExp(`<script\\b[^>]*\\bsrc="${enhancePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(out);
  const at = headOpen.index + headOpen[0].length;
  const snippet = hasSnippet ? '' : `<script>${THEME_SNIPPET}</script>`;
  out = out.slice(0, at) + snippet + out.slice(at);
  if (!hasEnhance) out = out.replace(/<\/head>/i, `<script type="module" src="${enhanceUrl}"></script></head>`);
  return out;
}

/** Drops `rel=preload; as=script` entries from a `Link` response header; undefined when none remain. */
export function stripLinkHeader(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const kept = value
    .split(/,(?=\s*<)/)
    .map((part) => part.trim())
    .filter((part) => !/;\s*rel="?(?:modulepreload|preload)"?/i.test(part) || !/;\s*as="?script"?/i.test(part))
    .filter((part) => !/;\s*rel="?modulepreload"?/i.test(part));
  return kept.length ? kept.join(', ') : undefined;
}
