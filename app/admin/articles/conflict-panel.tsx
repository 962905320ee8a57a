'use client';
/**
 * Shown when someone else saved the article while this editor was working: what differs between
 * the saved copy and this editor's (computed on the server by lib/editor/conflict.ts with the
 * revisions diff), and three ways on — keep mine (save over theirs, knowingly), take theirs (my
 * version stays here to copy), or copy mine. Nothing is lost.
 */
import { useState } from 'react';
import type { ConflictDiff } from '@/lib/editor/conflict';
import type { DiffPart } from '@/lib/revisions';

/** <del> and <ins> carry the meaning; the hidden words say it to screen readers, which do not announce them. */
function Parts({ parts }: { parts: DiffPart[] }) {
  return parts.map((part, i) =>
    part.kind === 'del' ? (
      <del key={i} className="bg-red-100 text-red-950">
        <span className="sr-only">[only in the saved version: </span>
        {part.text}
        <span className="sr-only">]</span>
      </del>
    ) : part.kind === 'ins' ? (
      <ins key={i} className="bg-green-100 text-green-950">
        <span className="sr-only">[only in your version: </span>
        {part.text}
        <span className="sr-only">]</span>
      </ins>
    ) : (
      <span key={i}>{part.text}</span>
    ),
  );
}

interface Props {
  message: string;
  diff: ConflictDiff;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

export function ConflictPanel({ message, diff, onKeepMine, onTakeTheirs }: Props) {
  const [copied, setCopied] = useState<'' | 'done' | 'failed'>('');
  const [tookTheirs, setTookTheirs] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(diff.mine);
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
      <p className="text-sm">{tookTheirs ? 'The form now shows the saved version. Yours is below, to copy what you need.' : `${message} Compare the two versions and choose.`}</p>
      <p className="flex gap-4 text-sm">
        <del className="bg-red-100 px-1">Saved version</del>
        <ins className="bg-green-100 px-1">Your version</ins>
      </p>
      {diff.fields.length ? (
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
          {diff.fields.map((f) => (
            <div key={f.field} className="contents">
              <dt className="font-medium">{f.label}</dt>
              <dd className="whitespace-pre-wrap">{f.type === 'text' ? <Parts parts={f.parts} /> : null}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {diff.body.length ? (
        <ol aria-label="Body" className="space-y-2 font-serif" data-testid="conflict-body">
          {diff.body.map((row) =>
            row.type === 'block' ? (
              <li key={row.index} className={`whitespace-pre-wrap border-l-4 pl-3 ${row.block.kind === 'same' ? 'border-transparent text-neutral-600' : 'border-amber-600'}`}>
                <Parts parts={row.block.parts} />
              </li>
            ) : (
              <li key={row.index} className="font-sans text-sm text-neutral-600">
                … {row.blocks.length} unchanged paragraph{row.blocks.length === 1 ? '' : 's'} …
              </li>
            ),
          )}
        </ol>
      ) : null}
      {!diff.fields.length && !diff.body.length ? <p className="text-sm">The text is the same; only the article’s status or version changed.</p> : null}
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
