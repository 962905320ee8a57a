/**
 * WordPress shortcodes rewritten as the HTML the block converter already understands: `[caption]`
 * becomes a figure, `[gallery]` a gallery figure, `[embed]`, `[video]`, `[audio]` and the Jetpack
 * `[youtube]`/`[vimeo]`/`[tweet]` forms an embed figure. Unknown shortcodes stay in the text as
 * written, so nothing is lost, and are reported by name.
 */
import { escapeText } from '../sanitize-html';

const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))|(\S+)/g;

function parseAttributes(text: string): { named: Record<string, string>; positional: string[] } {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (const match of text.matchAll(ATTRIBUTE)) {
    if (match[1]) named[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
    else if (match[5]) positional.push(match[5].replace(/^["']|["']$/g, ''));
  }
  return { named, positional };
}

function embedFigure(url: string, title = ''): string {
  const caption = title ? `<figcaption>${escapeText(title)}</figcaption>` : '';
  return `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escapeText(url.trim())}</div>${caption}</figure>`;
}

function caption(attrs: string, inner: string): string {
  const { named } = parseAttributes(attrs);
  // The picture is the first <img>, possibly wrapped in a link; whatever follows is the caption.
  const image = inner.match(/^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i);
  if (!image) return inner;
  const text = (named.caption ?? image[2] ?? '').trim();
  const id = /attachment_(\d+)/.exec(named.id ?? '')?.[1];
  const img = id && !/wp-image-\d+/.test(image[1]!) ? image[1]!.replace(/<img\b/i, `<img data-attachment-id="${id}"`) : image[1]!;
  return `<figure class="wp-caption">${img}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

function gallery(attrs: string): string {
  const ids = (parseAttributes(attrs).named.ids ?? '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s));
  return `<figure class="wp-block-gallery">${ids.map((id) => `<img data-attachment-id="${id}" alt="">`).join('')}</figure>`;
}

/** Shortcodes that enclose content and must see their closing tag. */
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed']);
const SELF_CLOSING = new Set(['gallery', 'video', 'audio', 'youtube', 'vimeo', 'tweet', 'playlist']);

function rewrite(name: string, attrs: string, inner: string | undefined): string | null {
  const { named, positional } = parseAttributes(attrs);
  switch (name) {
    case 'caption':
    case 'wp_caption':
      return caption(attrs, inner ?? '');
    case 'embed':
      return inner ? embedFigure(inner) : null;
    case 'gallery':
      return gallery(attrs);
    case 'video':
    case 'audio': {
      const src = named.src ?? named.mp4 ?? named.mp3 ?? named.webm ?? named.ogg ?? positional[0];
      return src ? embedFigure(src) : null;
    }
    case 'youtube':
    case 'vimeo':
    case 'tweet': {
      // Jetpack writes both [youtube URL] and [youtube=URL].
      const value = (attrs.startsWith('=') ? attrs.slice(1) : (named.url ?? named.id ?? positional[0] ?? '')).trim();
      if (!value) return null;
      if (/^https?:\/\//.test(value)) return embedFigure(value);
      const base = { youtube: 'https://www.youtube.com/watch?v=', vimeo: 'https://vimeo.com/', tweet: 'https://twitter.com/i/status/' }[name];
      return embedFigure(base + encodeURIComponent(value));
    }
    default:
      return null;
  }
}

const SHORTCODE = /\[([a-zA-Z][\w-]*)(=[^\]\s]+|\s[^\]]*)?\](?:([\s\S]*?)\[\/\1\])?/g;

/**
 * Rewrites known shortcodes in `content`. Returns the new content and the names of shortcodes
 * left as text. A bracketed word without attributes or a closing tag (`[sic]`) is not a shortcode.
 */
export function expandShortcodes(content: string): { html: string; unknown: string[] } {
  const unknown = new Set<string>();
  const html = content.replace(SHORTCODE, (whole, rawName: string, rawAttrs: string | undefined, inner: string | undefined) => {
    const name = rawName.toLowerCase();
    const attrs = (rawAttrs ?? '').trim();
    if (ENCLOSING.has(name) || SELF_CLOSING.has(name)) {
      const replaced = rewrite(name, attrs, inner === undefined ? undefined : expandShortcodes(inner).html);
      if (replaced !== null) return replaced;
    }
    if (attrs || inner !== undefined) unknown.add(name);
    return whole;
  });
  return { html, unknown: [...unknown] };
}
