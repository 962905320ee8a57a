'use client';
/**
 * The article body's rich editor (Tiptap 3). Loaded only in the browser (see
 * app/admin/articles/body-field.tsx); it edits a document whose schema is exactly the stored body
 * and hands the body to its form as `bodyJson` whenever the form is read (submit or autosave),
 * through the form's `formdata` event, so typing never serialises a long article.
 */
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { memo, useEffect, useRef, useState } from 'react';
import { bodyToDoc, docToBody, type ImageSources } from '@/lib/editor/body-doc';
import { bodyExtensions } from '@/lib/editor/extensions';
import { cleanPastedHtml } from '@/lib/editor/paste';
import type { Body } from '@/lib/validation/body';
import { countWords, readingMinutes } from '@/lib/validation/words';
import { EditorDialog, type DialogKind, type ListMedia } from './dialogs';
import { Toolbar } from './toolbar';
import './body-editor.css';

export interface BodyEditorProps {
  /** The visible label's id and the hint/error ids, for the editable area. */
  labelId: string;
  describedBy: string;
  invalid: boolean;
  initialBody: Body;
  images: ImageSources;
  listMedia: ListMedia;
  /** Called on every change of the text; must be cheap (it runs on each keystroke). */
  onChange: () => void;
}

const isMod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

function bodyWords(editor: Editor): number {
  const { doc } = editor.state;
  return countWords(doc.textBetween(0, doc.content.size, '\n', ' '));
}

/** Words and reading time, recounted a moment after typing pauses (never inside a keystroke). */
function WordCount({ editor }: { editor: Editor }) {
  const [words, setWords] = useState(() => bodyWords(editor));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setWords(bodyWords(editor)), 300);
    };
    editor.on('update', recount);
    return () => {
      clearTimeout(timer);
      editor.off('update', recount);
    };
  }, [editor]);
  return (
    <p className="text-sm text-neutral-700" data-testid="word-count">
      {words.toLocaleString('en-GB')} {words === 1 ? 'word' : 'words'} · {readingMinutes(words)} min read
    </p>
  );
}

/**
 * Memoised, and its editor options built once: Tiptap's useEditor re-applies changed options on
 * every render (view.setProps + updateState), which costs time per keystroke and, with input not
 * yet read from the DOM, can put the caret back behind a just-typed character.
 */
export const BodyEditor = memo(function BodyEditor({ labelId, describedBy, invalid, initialBody, images, listMedia, onChange }: BodyEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const changed = useRef(onChange);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  // The body and props the editor starts with; a new article body remounts the form (its key).
  const [options] = useState(() => ({
    extensions: bodyExtensions(),
    content: bodyToDoc(initialBody, images),
    injectCSS: false,
    immediatelyRender: true,
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        'aria-describedby': describedBy,
        ...(invalid ? { 'aria-invalid': 'true' } : {}),
        id: 'body-editor',
        class: 'article-body prose max-w-none rounded-b border border-neutral-400 bg-white px-4 py-3 font-serif focus-within:outline-2 focus-within:outline-blue-700',
      },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if (!isMod(event) || event.altKey || event.shiftKey) return false;
        if (event.key === 'k') {
          setDialog('link');
          return true;
        }
        if (event.key === 's') {
          host.current?.closest('form')?.requestSubmit();
          return true;
        }
        return false;
      },
    },
  }));
  const editor = useEditor({ ...options, onUpdate: () => changed.current() });

  useEffect(() => {
    const form = host.current?.closest('form');
    if (!form) return;
    const fill = (event: FormDataEvent) => event.formData.set('bodyJson', JSON.stringify(docToBody(editor.getJSON())));
    form.addEventListener('formdata', fill);
    host.current?.setAttribute('data-editor-ready', '');
    // For bench/editor.ts: when the editor became usable, in ms since navigation started.
    performance.mark('body-editor-ready');
    return () => form.removeEventListener('formdata', fill);
  }, [editor]);

  return (
    <div ref={host} className="body-editor space-y-1">
      <Toolbar editor={editor} onDialog={setDialog} />
      <EditorContent editor={editor} />
      <WordCount editor={editor} />
      {dialog ? <EditorDialog kind={dialog} editor={editor} listMedia={listMedia} onClose={() => setDialog(null)} /> : null}
    </div>
  );
});
