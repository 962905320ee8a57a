import type { Block, Inline } from '@/lib/validation/body';

// A plain server rendering of a body for the staff preview, until the reader's article
// components can render a working copy directly.

function Inlines({ content }: { content: Inline[] }) {
  return (
    <>
      {content.map((inline, i) => {
        let node: React.ReactNode = inline.text;
        if (inline.href) node = <a href={inline.href}>{node}</a>;
        if (inline.italic) node = <em>{node}</em>;
        if (inline.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines content={block.content} />
        </p>
      );
    case 'heading':
      return block.level === 2 ? <h2>{block.text}</h2> : <h3>{block.text}</h3>;
    case 'quote':
      return (
        <blockquote>
          <p>
            <Inlines content={block.content} />
          </p>
          {block.cite ? <footer>— {block.cite}</footer> : null}
        </blockquote>
      );
    case 'pullquote':
      return (
        <aside className="font-serif text-2xl">
          “{block.text}”{block.cite ? <span className="block text-base">— {block.cite}</span> : null}
        </aside>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          <Inlines content={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'image':
      return (
        <figure>
          <p className="rounded border border-dashed border-neutral-400 p-4 text-sm">
            Image #{block.mediaId}: {block.alt}
          </p>
          {block.caption || block.credit ? <figcaption>{[block.caption, block.credit].filter(Boolean).join(' · ')}</figcaption> : null}
        </figure>
      );
    case 'embed':
      return (
        <p>
          <a href={block.url}>{block.title ?? block.url}</a>
        </p>
      );
    case 'rule':
      return <hr />;
  }
}

export function PreviewBody({ blocks }: { blocks: Block[] }) {
  return (
    <div className="prose mt-6">
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} />
      ))}
    </div>
  );
}
