import { foldUnchanged, type BodyBlockChange, type DiffPart, type FieldChange } from '@/lib/revisions';

/**
 * Inline diff markup: <del> and <ins> carry the meaning, and each starts with hidden words
 * because most screen readers do not announce the elements themselves.
 */
function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.kind === 'ins' ? (
          <ins key={i} className="bg-green-100 text-green-900 underline decoration-green-700">
            <span className="sr-only">[added: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : part.kind === 'del' ? (
          <del key={i} className="bg-red-100 text-red-900 line-through decoration-red-700">
            <span className="sr-only">[removed: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

const BLOCK_STYLE: Record<BodyBlockChange['kind'], string> = {
  same: 'border-transparent text-neutral-600',
  changed: 'border-amber-600',
  ins: 'border-green-700',
  del: 'border-red-700',
};

const BLOCK_LABEL: Record<BodyBlockChange['kind'], string | null> = { same: null, changed: 'Changed paragraph', ins: 'Added paragraph', del: 'Removed paragraph' };

export function FieldChanges({ fields }: { fields: FieldChange[] }) {
  if (!fields.length) return <p className="text-neutral-700">No changes outside the body.</p>;
  return (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[12rem_1fr]">
      {fields.map((f) => (
        <div key={f.field} className="contents">
          <dt className="font-medium">{f.label}</dt>
          <dd className="whitespace-pre-wrap">
            {f.type === 'text' ? (
              <Parts parts={f.parts} />
            ) : (
              <Parts parts={[...f.removed.map((text) => ({ kind: 'del' as const, text })), ...f.added.map((text) => ({ kind: 'ins' as const, text }))].flatMap((p, i) => (i ? [{ kind: 'same' as const, text: ', ' }, p] : [p]))} />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Block({ block }: { block: BodyBlockChange }) {
  return (
    <li className={`border-l-4 pl-3 whitespace-pre-wrap ${BLOCK_STYLE[block.kind]}`}>
      {BLOCK_LABEL[block.kind] ? <span className="sr-only">{BLOCK_LABEL[block.kind]}: </span> : null}
      <Parts parts={block.parts} />
    </li>
  );
}

export function BodyChanges({ blocks }: { blocks: BodyBlockChange[] }) {
  if (!blocks.length) return <p className="text-neutral-700">Both versions have an empty body.</p>;
  return (
    <ol className="space-y-3">
      {foldUnchanged(blocks).map((row) =>
        row.type === 'block' ? (
          <Block key={row.index} block={row.block} />
        ) : (
          <li key={row.index}>
            <details>
              <summary className="cursor-pointer text-sm text-neutral-700">
                {row.blocks.length} unchanged paragraph{row.blocks.length === 1 ? '' : 's'}
              </summary>
              <ol className="mt-3 space-y-3">
                {row.blocks.map((block, i) => (
                  <Block key={i} block={block} />
                ))}
              </ol>
            </details>
          </li>
        ),
      )}
    </ol>
  );
}
