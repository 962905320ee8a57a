'use client';
/**
 * The editor's small forms, each in a modal <dialog> (focus stays inside, Escape closes): a link,
 * an embed by URL, a quote's citation, and an image from the media library with its alt text,
 * caption and credit. Input is checked here for the writer's sake; the server checks it again.
 */
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { inputClass } from '@/components/admin/field';
import { NODE } from '@/lib/editor/body-doc';
import { isSafeHref } from '@/lib/validation/words';

export type DialogKind = 'link' | 'embed' | 'cite' | 'image';

export interface PickerImage {
  id: number;
  src: string;
  alt: string;
  caption: string;
  credit: string;
  name: string;
}

/** One page of the media library (a server action that checks the session). */
export type ListMedia = (input: { q?: string; page?: number }) => Promise<{ items: PickerImage[]; page: number; pages: number } | { error: string }>;

interface Props {
  kind: DialogKind;
  editor: Editor;
  listMedia: ListMedia;
  onClose: () => void;
}

const TITLES: Record<DialogKind, string> = { link: 'Link', embed: 'Embed by URL', cite: 'Citation', image: 'Image from the library' };

function Shell({ title, onClose, onSubmit, error, children, submitLabel }: { title: string; onClose: () => void; onSubmit: () => void; error: string; children: ReactNode; submitLabel: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    el?.showModal();
    return () => el?.close();
  }, []);
  const submit = (event: FormEvent) => {
    // Never submit the article form around it.
    event.preventDefault();
    event.stopPropagation();
    onSubmit();
  };
  // Outside the article form in the page (forms cannot nest); React events still bubble, hence stopPropagation.
  return createPortal(
    <dialog ref={dialog} aria-labelledby="editor-dialog-title" onClose={onClose} className="w-full max-w-2xl rounded border border-neutral-400 p-0 backdrop:bg-black/40">
      <form onSubmit={submit} className="space-y-3 p-4">
        <h2 id="editor-dialog-title" className="text-lg font-semibold">
          {title}
        </h2>
        {children}
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
        <div className="flex gap-2">
          <button type="submit" className="rounded bg-neutral-900 px-4 py-1.5 font-semibold text-white">
            {submitLabel}
          </button>
          <button type="button" onClick={onClose} className="rounded border border-neutral-400 px-4 py-1.5">
            Cancel
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}

function TextField({ id, label, value, onChange, type = 'text', autoFocus }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string; autoFocus?: boolean }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} autoFocus={autoFocus} className={inputClass} />
    </div>
  );
}

function LinkDialog({ editor, onClose }: Omit<Props, 'kind' | 'listMedia'>) {
  const [href, setHref] = useState<string>(() => editor.getAttributes('link').href ?? '');
  const [error, setError] = useState('');
  const apply = () => {
    const value = href.trim();
    const chain = editor.chain().focus().extendMarkRange('link');
    if (!value) {
      chain.unsetLink().run();
      return onClose();
    }
    if (!isSafeHref(value)) return setError('A link must start with https://, http://, mailto: or / (a page on this site).');
    if (editor.state.selection.empty && !editor.isActive('link')) chain.insertContent({ type: NODE.text, text: value, marks: [{ type: 'link', attrs: { href: value } }] }).run();
    else chain.setLink({ href: value }).run();
    onClose();
  };
  return (
    <Shell title={TITLES.link} onClose={onClose} onSubmit={apply} error={error} submitLabel="Apply">
      <TextField id="editor-link-href" label="Address (empty removes the link)" value={href} onChange={setHref} type="url" autoFocus />
    </Shell>
  );
}

function EmbedDialog({ editor, onClose }: Omit<Props, 'kind' | 'listMedia'>) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const apply = () => {
    let parsed: URL;
    try {
      parsed = new URL(url.trim());
    } catch {
      return setError('Enter the full address, starting with https://.');
    }
    if (parsed.protocol !== 'https:') return setError('Only https:// addresses can be embedded.');
    editor.chain().focus().insertContent({ type: NODE.embed, attrs: { url: parsed.href, title: title.trim() || null } }).run();
    onClose();
  };
  return (
    <Shell title={TITLES.embed} onClose={onClose} onSubmit={apply} error={error} submitLabel="Insert">
      <TextField id="editor-embed-url" label="Address of the video or post" value={url} onChange={setUrl} type="url" autoFocus />
      <TextField id="editor-embed-title" label="Title (optional)" value={title} onChange={setTitle} />
    </Shell>
  );
}

function CiteDialog({ editor, onClose }: Omit<Props, 'kind' | 'listMedia'>) {
  const type = editor.isActive(NODE.pullquote) ? NODE.pullquote : NODE.quote;
  const [cite, setCite] = useState<string>(() => editor.getAttributes(type).cite ?? '');
  const apply = () => {
    editor.chain().focus().setCite(cite).run();
    onClose();
  };
  return (
    <Shell title={TITLES.cite} onClose={onClose} onSubmit={apply} error="" submitLabel="Apply">
      <TextField id="editor-cite" label="Who said it (empty removes it)" value={cite} onChange={setCite} autoFocus />
    </Shell>
  );
}

function ImageDialog({ editor, listMedia, onClose }: Omit<Props, 'kind'>) {
  const editing = editor.isActive(NODE.image) ? (editor.getAttributes(NODE.image) as { mediaId: number; alt: string; caption: string | null; credit: string | null; src: string | null }) : null;
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ items: PickerImage[]; page: number; pages: number } | null>(null);
  const [chosen, setChosen] = useState<{ id: number; src: string | null } | null>(editing ? { id: editing.mediaId, src: editing.src } : null);
  const [details, setDetails] = useState({ alt: editing?.alt ?? '', caption: editing?.caption ?? '', credit: editing?.credit ?? '' });
  const [error, setError] = useState('');
  const [loading, startLoading] = useTransition();

  const load = (page: number) =>
    startLoading(async () => {
      const answer = await listMedia({ q: query, page });
      if ('error' in answer) setError(answer.error);
      else setResult(answer);
    });
  // The first page of the library when the dialog opens to insert.
  useEffect(() => {
    if (!editing) load(1);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on open
  }, []);

  const apply = () => {
    if (!chosen) return setError('Choose an image from the library.');
    const attrs = { mediaId: chosen.id, src: chosen.src, alt: details.alt.trim(), caption: details.caption.trim() || null, credit: details.credit.trim() || null };
    if (editing) editor.chain().focus().updateAttributes(NODE.image, attrs).run();
    else editor.chain().focus().insertContent({ type: NODE.image, attrs }).run();
    onClose();
  };

  return (
    <Shell title={editing ? 'Image details' : TITLES.image} onClose={onClose} onSubmit={apply} error={error} submitLabel={editing ? 'Apply' : 'Insert'}>
      {editing ? null : (
        <>
          <div className="flex gap-2">
            <label htmlFor="editor-image-search" className="sr-only">
              Search the library
            </label>
            <input id="editor-image-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Search by name, alt text, caption" className={inputClass} />
            <button type="button" onClick={() => load(1)} className="rounded border border-neutral-400 px-3">
              Search
            </button>
          </div>
          <ul aria-label="Library images" aria-busy={loading} className="grid max-h-72 grid-cols-4 gap-2 overflow-y-auto">
            {result?.items.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  aria-pressed={chosen?.id === item.id}
                  onClick={() => {
                    setChosen({ id: item.id, src: item.src });
                    setDetails({ alt: item.alt, caption: item.caption, credit: item.credit });
                  }}
                  className="block w-full rounded border-2 border-transparent p-1 text-left text-xs aria-pressed:border-blue-700"
                >
                  {/* eslint-disable-next-line @next/next/no-img-element -- a library thumbnail in the newsroom, not a reader page */}
                  <img src={item.src} alt="" className="aspect-video w-full object-cover" loading="lazy" />
                  <span className="block truncate">{item.alt || item.name}</span>
                </button>
              </li>
            ))}
          </ul>
          {result && result.items.length === 0 ? <p className="text-sm">No images found.</p> : null}
          {result && result.pages > 1 ? (
            <p className="flex gap-2 text-sm">
              <button type="button" disabled={result.page <= 1} onClick={() => load(result.page - 1)} className="underline disabled:opacity-40">
                Previous
              </button>
              <span>
                Page {result.page} of {result.pages}
              </span>
              <button type="button" disabled={result.page >= result.pages} onClick={() => load(result.page + 1)} className="underline disabled:opacity-40">
                Next
              </button>
            </p>
          ) : null}
        </>
      )}
      <TextField id="editor-image-alt" label="Alt text (what the picture shows)" value={details.alt} onChange={(alt) => setDetails((d) => ({ ...d, alt }))} />
      <TextField id="editor-image-caption" label="Caption" value={details.caption} onChange={(caption) => setDetails((d) => ({ ...d, caption }))} />
      <TextField id="editor-image-credit" label="Credit" value={details.credit} onChange={(credit) => setDetails((d) => ({ ...d, credit }))} />
    </Shell>
  );
}

export function EditorDialog(props: Props) {
  switch (props.kind) {
    case 'link':
      return <LinkDialog editor={props.editor} onClose={props.onClose} />;
    case 'embed':
      return <EmbedDialog editor={props.editor} onClose={props.onClose} />;
    case 'cite':
      return <CiteDialog editor={props.editor} onClose={props.onClose} />;
    case 'image':
      return <ImageDialog editor={props.editor} listMedia={props.listMedia} onClose={props.onClose} />;
  }
}
