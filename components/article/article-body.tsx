import { sanitizeHtml } from '@/lib/sanitize-html';
import type { ImageRef } from '@/lib/media-ref';
import type { Block, Body, Inline } from '@/lib/validation/body';
import { Picture } from '@/components/common/picture';

function InlineText({ content }: { content: Inline[] }) {
  return content.map((part, i) => {
    let node: React.ReactNode = part.text;
    if (part.italic) node = <em>{node}</em>;
    if (part.bold) node = <strong>{node}</strong>;
    if (part.href) node = <a href={part.href}>{node}</a>;
    return <span key={i}>{node}</span>;
  });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** The player URL for the few hosts we can embed without their scripts; others stay a link. */
function embedSource(url: string): string | null {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^(www|m)\./, '');
    const youtube = host === 'youtu.be' ? u.pathname.slice(1) : host === 'youtube.com' ? (u.searchParams.get('v') ?? u.pathname.match(/^\/(?:embed|shorts)\/([\w-]+)/)?.[1]) : null;
    if (youtube && /^[\w-]{6,20}$/.test(youtube)) return `https://www.youtube-nocookie.com/embed/${youtube}`;
    const vimeo = host === 'vimeo.com' ? u.pathname.match(/^\/(\d+)/)?.[1] : null;
    if (vimeo) return `https://player.vimeo.com/video/${vimeo}`;
  } catch {
    // Not a URL we can parse: it stays a link.
  }
  return null;
}

/**
 * An embed stays a placeholder until the reader asks for it: no third-party code loads with the
 * page. public/enhance.js swaps in the player when the button is pressed (`data-embed-src`);
 * without JavaScript the button stays hidden and the link opens the original.
 */
function EmbedPlaceholder({ url, title }: { url: string; title?: string }) {
  const host = hostOf(url);
  const src = embedSource(url);
  const label = title || `Content from ${host}`;
  return (
    <figure className="not-prose my-8 border border-rule bg-surface p-5 font-sans" data-embed-src={src ?? undefined} data-embed-title={src ? label : undefined}>
      <p className="text-sm font-semibold">{label}</p>
      <p className="mt-1 text-sm text-muted">This content is hosted by {host}. Nothing is loaded from {host} until you choose to.</p>
      <p className="mt-3 flex flex-wrap gap-3">
        {src ? (
          <button type="button" data-embed-load="" className="bg-ink px-3 py-1.5 text-sm font-semibold text-paper">
            Load here<span className="sr-only">: {label}</span>
          </button>
        ) : null}
        <a href={url} className="text-link self-center text-sm font-semibold" rel="noopener">
          View on {host}
          <span className="sr-only"> (external site)</span>
        </a>
      </p>
    </figure>
  );
}

function BodyBlock({ block, media }: { block: Block; media: Record<number, ImageRef> }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineText content={block.content} />
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'quote':
      return (
        <blockquote>
          <p>
            <InlineText content={block.content} />
          </p>
          {block.cite ? <footer>— {block.cite}</footer> : null}
        </blockquote>
      );
    case 'pullquote':
      return (
        <figure className="pullquote not-prose">
          <blockquote>
            <p>“{block.text}”</p>
          </blockquote>
          {block.cite ? <figcaption className="mt-2 font-sans text-sm not-italic text-muted">{block.cite}</figcaption> : null}
        </figure>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineText content={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'image': {
      const image = media[block.mediaId];
      if (!image) return null;
      return (
        <figure>
          <Picture image={{ ...image, alt: block.alt || image.alt }} sizes="(min-width: 768px) 700px, 100vw" />
          {block.caption || block.credit ? (
            <figcaption>
              {block.caption}
              {block.credit ? <span className="ml-1 text-xs uppercase">{block.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      );
    }
    case 'embed':
      return <EmbedPlaceholder url={block.url} title={block.title} />;
    case 'rule':
      return <hr />;
    case 'html':
      // Imported markup no block expresses (tables, code); sanitised again on the way out.
      return <div className="article-html" dangerouslySetInnerHTML={{ __html: sanitizeHtml(block.html) }} />;
  }
}

/** The structured body rendered on the server (lib/validation/body.ts). */
export function ArticleBody({ body, media }: { body: Body; media: Record<number, ImageRef> }) {
  return (
    <div className="article-body prose prose-lg max-w-none font-serif">
      {body.blocks.map((block, i) => (
        <BodyBlock key={i} block={block} media={media} />
      ))}
    </div>
  );
}
