'use client';
/**
 * Shown when someone else saved the article while this editor was working: what differs between
 * the saved copy and this editor's, field by field, and three ways on — keep mine (save over
 * theirs, knowingly), take theirs (my version stays here to copy), or copy mine. Nothing is lost.
 */
import { useState } from 'react';
import type { FieldDifference } from '@/lib/editor/conflict';

/** Unchanged body blocks around a change are shown; longer unchanged runs are folded. */
const CONTEXT = 1;

function Parts({ difference }: { difference: FieldDifference }) {
  const block = difference.field === 'body';
  const Tag = block ? 'div' : 'span';
  const { parts } = difference;
  const near = (i: number) => !block || parts.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((p) => p.side !== 'both');
  return parts.map((part, i) => {
    if (part.side === 'both' && !near(i)) return i > 0 && !near(i - 1) ? null : <p key={i} className="text-neutral-500">…</p>;
    if (part.side === 'saved')
      return (
        <del key={i} className={`${block ? 'block' : ''} bg-red-100 text-red-950`}>
          <Tag>
            <span className="sr-only">Only in the saved version: </span>
            {part.text}
          </Tag>
        </del>
      );
    if (part.side === 'mine')
      return (
        <ins key={i} className={`${block ? 'block' : ''} bg-green-100 text-green-950 no-underline`}>
          <Tag>
            <span className="sr-only">Only in your version: </span>
            {part.text}
          </Tag>
        </ins>
      );
    return block ? <p key={i}>{part.text}</p> : <span key={i}>{part.text}</span>;
  });
}

/** This editor's side of every difference, as plain text to paste elsewhere. */
function myVersion(differences: FieldDifference[]): string {
  return differences
    .map((d) => {
      const mine = d.parts.filter((p) => p.side !== 'saved').map((p) => p.text);
      return `${d.label}:\n${mine.join(d.field === 'body' ? '\n\n' : '')}`;
    })
    .join('\n\n');
}

interface Props {
  message: string;
  differences: FieldDifference[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

export function ConflictPanel({ message, differences, onKeepMine, onTakeTheirs }: Props) {
  const [copied, setCopied] = useState<'' | 'done' | 'failed'>('');
  const [tookTheirs, setTookTheirs] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(myVersion(differences));
      setCopied('done');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <section role="alert" aria-labelledby="conflict-title" className="space-y-3 rounded border-2 border-red-700 bg-white p-4">
      <h2 id="conflict-title" className="text-lg font-semibold text-red-900">
        {tookTheirs ? 'You took the saved version' : 'Someone else saved this article while you were editing'}
      </h2>
      <p className="text-sm">{tookTheirs ? 'The form now shows the saved version. Your version is below, to copy what you need.' : `${message} Compare the two versions and choose.`}</p>
      <p className="flex gap-4 text-sm">
        <span>
          <del className="bg-red-100 px-1">Saved version</del>
        </span>
        <span>
          <ins className="bg-green-100 px-1 no-underline">Your version</ins>
        </span>
      </p>
      <dl className="space-y-3">
        {differences.map((d) => (
          <div key={d.field} data-field={d.field}>
            <dt className="font-medium">{d.label}</dt>
            <dd className="rounded border border-neutral-200 p-2 font-serif">
              <Parts difference={d} />
            </dd>
          </div>
        ))}
      </dl>
      {differences.length === 0 ? <p className="text-sm">The text is the same; only the article’s status or version changed.</p> : null}
      <div className="flex flex-wrap gap-2">
        {tookTheirs ? null : (
          <>
            <button type="button" onClick={onKeepMine} className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white">
              Keep mine (save over theirs)
            </button>
            <button
              type="button"
              onClick={() => {
                setTookTheirs(true);
                onTakeTheirs();
              }}
              className="rounded border border-neutral-500 px-4 py-1.5"
            >
              Take theirs
            </button>
          </>
        )}
        <button type="button" onClick={copy} className="rounded border border-neutral-500 px-4 py-1.5">
          Copy my version
        </button>
        <span aria-live="polite" className="self-center text-sm">
          {copied === 'done' ? 'Copied.' : copied === 'failed' ? 'This browser would not copy; select the text above instead.' : ''}
        </span>
      </div>
    </section>
  );
}
