/**
 * The article body as an HTML fragment for full-content feeds. Reader pages render the body as
 * React components; feed readers need a string, with absolute links and image URLs because the
 * fragment is read away from the site.
 */
import type { Block, Body, Inline } from '../validation/body';
import { sanitizeHtml } from '../sanitize-html';
import { xmlEscape } from './xml';
import { absoluteUrl } from './urls';

export interface BodyImage {
  url: string;
  width: number;
  height: number;
}

const esc = xmlEscape;

function href(value: string): string {
  return value.startsWith('/') ? absoluteUrl(value) : value;
}

function inline(part: Inline): string {
  let html = esc(part.text);
  if (part.bold) html = `<strong>${html}</strong>`;
  if (part.italic) html = `<em>${html}</em>`;
  if (part.href) html = `<a href="${esc(href(part.href))}">${html}</a>`;
  return html;
}

const inlines = (parts: readonly Inline[]) => parts.map(inline).join('');

function block(b: Block, images: ReadonlyMap<number, BodyImage>): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${inlines(b.content)}</p>`;
    case 'heading':
      return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case 'quote':
      return `<blockquote><p>${inlines(b.content)}</p>${b.cite ? `<cite>${esc(b.cite)}</cite>` : ''}</blockquote>`;
    case 'pullquote':
      return `<blockquote><p>${esc(b.text)}</p>${b.cite ? `<cite>${esc(b.cite)}</cite>` : ''}</blockquote>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`;
    }
    case 'image': {
      const image = images.get(b.mediaId);
      if (!image) return '';
      const caption = [b.caption, b.credit].filter(Boolean).join(' ');
      const img = `<img src="${esc(absoluteUrl(image.url))}" width="${image.width}" height="${image.height}" alt="${esc(b.alt)}">`;
      return caption ? `<figure>${img}<figcaption>${esc(caption)}</figcaption></figure>` : `<figure>${img}</figure>`;
    }
    case 'embed':
      // Feed readers run no scripts, so an embed is a plain link to where it lives.
      return `<p><a href="${esc(b.url)}">${esc(b.title || b.url)}</a></p>`;
    case 'rule':
      return '<hr>';
    case 'html':
      // Imported markup (tables, pre): already allowlisted at import, sanitised again on the way out.
      return sanitizeHtml(b.html);
  }
}

/** Media ids an article body refers to, so a feed can load them in one query. */
export function bodyImageIds(body: Body): number[] {
  return body.blocks.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []));
}

export function bodyToHtml(body: Body, images: ReadonlyMap<number, BodyImage> = new Map()): string {
  return body.blocks.map((b) => block(b, images)).join('\n');
}
