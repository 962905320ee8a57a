/**
 * The rich editor's schema: exactly the blocks and marks of the stored body
 * (lib/validation/body.ts), so whatever is typed or pasted fits it. Anything the schema has no
 * node or mark for (spans, classes, styles, scripts, event handlers, tables) is dropped by
 * ProseMirror's parser; links are limited to the hrefs the server accepts. Names match
 * lib/editor/body-doc.ts. Runs in Node too (Vitest builds the schema with `getSchema`).
 */
import { mergeAttributes, Node, type Extensions } from '@tiptap/core';
import { Blockquote } from '@tiptap/extension-blockquote';
import { Heading } from '@tiptap/extension-heading';
import { ListItem } from '@tiptap/extension-list';
import { StarterKit } from '@tiptap/starter-kit';
import { isSafeHref } from '../validation/words';
import { NODE } from './body-doc';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    broadsheetBlocks: {
      /** Turns the current paragraph into a pull quote, or a pull quote back into a paragraph. */
      togglePullquote: () => ReturnType;
      /** Sets (or, with an empty string, removes) the citation of the quote or pull quote around the cursor. */
      setCite: (cite: string) => ReturnType;
    };
  }
}

/** A string attribute kept in a `data-*` attribute, so copy and paste inside the editor keeps it. */
function dataAttribute(name: string, fallback: string | null = null) {
  return {
    default: fallback,
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
    renderHTML: (attributes: Record<string, unknown>) => (attributes[name] == null || attributes[name] === '' ? {} : { [`data-${name}`]: String(attributes[name]) }),
  };
}

/** Headings hold plain text: the stored heading has no marks. */
const PlainHeading = Heading.extend({ marks: '', content: 'text*' }).configure({ levels: [2, 3] });

/** A quote is paragraphs (joined into one stored quote) with an optional citation. */
const Quote = Blockquote.extend({
  content: 'paragraph+',
  addAttributes() {
    return { cite: dataAttribute('cite') };
  },
});

/** List items hold one paragraph: stored lists are flat. */
const FlatListItem = ListItem.extend({ content: 'paragraph' });

const Pullquote = Node.create({
  name: NODE.pullquote,
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  addAttributes() {
    return { cite: dataAttribute('cite') };
  },
  parseHTML() {
    return [{ tag: 'aside[data-pullquote]', priority: 60 }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { 'data-pullquote': '' }), 0];
  },
  addCommands() {
    return {
      togglePullquote:
        () =>
        ({ commands, editor }) =>
          editor.isActive(NODE.pullquote) ? commands.setNode(NODE.paragraph) : commands.setNode(NODE.pullquote),
      setCite:
        (cite) =>
        ({ commands, editor }) => {
          const type = editor.isActive(NODE.pullquote) ? NODE.pullquote : editor.isActive(NODE.quote) ? NODE.quote : null;
          return type ? commands.updateAttributes(type, { cite: cite.trim() || null }) : false;
        },
    };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Alt-p': () => this.editor.commands.togglePullquote() };
  },
});

/** A picture from the media library. `src` is only for showing it here; the body stores the media id. */
const BodyImage = Node.create({
  name: NODE.image,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (element: HTMLElement) => Number(element.getAttribute('data-media-id')) || null,
        renderHTML: (attributes: Record<string, unknown>) => ({ 'data-media-id': String(attributes.mediaId) }),
      },
      alt: dataAttribute('alt', ''),
      caption: dataAttribute('caption'),
      credit: dataAttribute('credit'),
      src: dataAttribute('src'),
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-media-id]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const { alt, caption, credit, src } = node.attrs as { alt: string; caption: string | null; credit: string | null; src: string | null };
    const picture = src ? ['img', { src, alt }] : ['div', { 'data-missing-image': '' }, `Image #${node.attrs.mediaId}${alt ? `: ${alt}` : ''}`];
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-body-image': '' }), picture, ['figcaption', [caption, credit].filter(Boolean).join(' — ') || 'No caption']];
  },
});

/** A link to a video or post, shown to readers as a click-to-load placeholder. */
const Embed = Node.create({
  name: NODE.embed,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { url: dataAttribute('url', ''), title: dataAttribute('title') };
  },
  parseHTML() {
    return [{ tag: 'div[data-embed][data-url]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-embed': '' }), ['strong', 'Embed: '], node.attrs.title || node.attrs.url];
  },
});

/** Imported markup no other block expresses (tables, code); kept untouched, shown only as text here. */
const HtmlBlock = Node.create({
  name: NODE.html,
  group: 'block',
  atom: true,
  selectable: true,
  addAttributes() {
    return { html: dataAttribute('html', '') };
  },
  parseHTML() {
    return [{ tag: 'div[data-html-block][data-html]' }];
  },
  renderHTML({ node, HTMLAttributes }) {
    const text = String(node.attrs.html).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    return ['div', mergeAttributes(HTMLAttributes, { 'data-html-block': '' }), ['strong', 'Imported block (edit as HTML is not offered): '], text.slice(0, 300)];
  },
});

/** Every extension of the editor, in one list shared by the editor component and the tests. */
export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      blockquote: false,
      heading: false,
      listItem: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['mailto'],
        defaultProtocol: 'https',
        HTMLAttributes: { rel: null, target: null, class: null },
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => /^https?:\/\//i.test(url),
      },
    }),
    PlainHeading,
    Quote,
    FlatListItem,
    Pullquote,
    BodyImage,
    Embed,
    HtmlBlock,
  ];
}
