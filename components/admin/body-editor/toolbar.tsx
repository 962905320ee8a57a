'use client';
/**
 * The formatting toolbar: role=toolbar with one tab stop and arrow keys between buttons (roving
 * tabindex), aria-pressed on toggles, and each button's shortcut in its name and aria-keyshortcuts.
 * It re-renders only when the selection's formatting changes, not on every keystroke.
 */
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState, type Editor } from '@tiptap/react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { NODE } from '@/lib/editor/body-doc';
import type { DialogKind } from './dialogs';

interface Item {
  id: string;
  /** Visible text (short). */
  text: string;
  /** Accessible name. */
  label: string;
  /** aria-keyshortcuts syntax. */
  keys?: string;
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

export function Toolbar({ editor, onDialog }: { editor: Editor; onDialog: (kind: DialogKind) => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive(NODE.heading, { level: 2 }),
      h3: e.isActive(NODE.heading, { level: 3 }),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      bullet: e.isActive(NODE.bulletList),
      ordered: e.isActive(NODE.orderedList),
      quote: e.isActive(NODE.quote),
      pullquote: e.isActive(NODE.pullquote),
      image: e.isActive(NODE.image),
      // The history's depth is O(1); `can().undo()` would build a chain of every command per keystroke.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
    }),
  });
  const chain = () => editor.chain().focus();
  const items: Item[] = [
    { id: 'h2', text: 'H2', label: 'Heading (H2)', keys: 'Control+Alt+2', pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { id: 'h3', text: 'H3', label: 'Subheading (H3)', keys: 'Control+Alt+3', pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { id: 'bold', text: 'B', label: 'Bold', keys: 'Control+B', pressed: state.bold, run: () => chain().toggleBold().run() },
    { id: 'italic', text: 'I', label: 'Italic', keys: 'Control+I', pressed: state.italic, run: () => chain().toggleItalic().run() },
    { id: 'link', text: 'Link', label: 'Link', keys: 'Control+K', pressed: state.link, run: () => onDialog('link') },
    { id: 'bullet', text: '• List', label: 'Bulleted list', keys: 'Control+Shift+8', pressed: state.bullet, run: () => chain().toggleBulletList().run() },
    { id: 'ordered', text: '1. List', label: 'Numbered list', keys: 'Control+Shift+7', pressed: state.ordered, run: () => chain().toggleOrderedList().run() },
    { id: 'quote', text: 'Quote', label: 'Block quote', keys: 'Control+Shift+B', pressed: state.quote, run: () => chain().toggleBlockquote().run() },
    { id: 'pullquote', text: 'Pull quote', label: 'Pull quote', keys: 'Control+Alt+P', pressed: state.pullquote, run: () => chain().togglePullquote().run() },
    { id: 'cite', text: 'Citation', label: 'Citation of the quote', disabled: !state.quote && !state.pullquote, run: () => onDialog('cite') },
    { id: 'image', text: state.image ? 'Image details' : 'Image', label: state.image ? 'Image details' : 'Insert image from the library', run: () => onDialog('image') },
    { id: 'embed', text: 'Embed', label: 'Embed by URL', run: () => onDialog('embed') },
    { id: 'rule', text: '—', label: 'Horizontal rule', run: () => chain().setHorizontalRule().run() },
    { id: 'undo', text: 'Undo', label: 'Undo', keys: 'Control+Z', disabled: !state.canUndo, run: () => chain().undo().run() },
    { id: 'redo', text: 'Redo', label: 'Redo', keys: 'Control+Shift+Z', disabled: !state.canRedo, run: () => chain().redo().run() },
  ];

  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent) => {
    const last = items.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const index = (next + items.length) % items.length;
    setCurrent(index);
    buttons.current[index]?.focus();
  };

  return (
    <div role="toolbar" aria-label="Formatting" aria-controls="body-editor" onKeyDown={move} className="flex flex-wrap gap-1 rounded-t border border-b-0 border-neutral-400 bg-neutral-100 p-1">
      {items.map((item, i) => (
        <button
          key={item.id}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          tabIndex={i === current ? 0 : -1}
          aria-label={item.label}
          title={item.keys ? `${item.label} (${item.keys.replace('Control', 'Ctrl')})` : item.label}
          aria-keyshortcuts={item.keys}
          aria-pressed={item.pressed}
          aria-disabled={item.disabled || undefined}
          onFocus={() => setCurrent(i)}
          // The editor keeps its selection: a mouse press on a button must not take focus from it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            if (!item.disabled) item.run();
          }}
          className={`rounded px-2 py-1 text-sm ${item.id === 'bold' ? 'font-bold' : ''} ${item.id === 'italic' ? 'italic' : ''} ${item.pressed ? 'bg-neutral-900 text-white' : 'hover:bg-neutral-200'} aria-disabled:opacity-40`}
        >
          {item.text}
        </button>
      ))}
    </div>
  );
}
