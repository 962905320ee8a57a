'use client';
/**
 * The article body field. With JavaScript it is the rich editor, loaded only in the browser (its
 * code never runs on the server and never ships to reader pages); without it, a textarea in the
 * text notation (lib/validation/body-text.ts). A hidden `bodyJson` holds the loaded body until the
 * editor takes over, so a save made before it loads keeps the body rather than emptying it.
 */
import dynamic from 'next/dynamic';
import { useMemo } from 'react';
import { inputClass } from '@/components/admin/field';
import type { ListMedia } from '@/components/admin/body-editor/dialogs';
import type { ImageSources } from '@/lib/editor/body-doc';
import type { Body } from '@/lib/validation/body';

const loadEditor = () => import('@/components/admin/body-editor/body-editor');
// Start fetching the editor's code as soon as this module runs in the browser, in parallel with
// hydration, rather than when the field first renders.
const preloaded = typeof window === 'undefined' ? null : loadEditor();

const BodyEditor = dynamic(() => (preloaded ?? loadEditor()).then((m) => m.BodyEditor), {
  ssr: false,
  loading: () => <p className="min-h-96 rounded border border-neutral-300 bg-white p-4 text-neutral-600">Loading the editor…</p>,
});

const EMPTY_BODY = '{"blocks":[]}';
const NOTATION_HINT = 'Blank lines separate paragraphs. ## Heading, > quote, - list item, **bold**, _italic_, [link](https://…), ::image 12 | alt text | caption | credit, ::embed https://…, --- rule.';

function parseBody(json: string): Body {
  try {
    const body = JSON.parse(json) as Body;
    return Array.isArray(body?.blocks) ? body : { blocks: [] };
  } catch {
    return { blocks: [] };
  }
}

interface Props {
  values: Record<string, string>;
  errors?: string[];
  images: ImageSources;
  listMedia: ListMedia;
  /** Called on every change of the text (the article form's autosave). */
  onChange?: () => void;
}

const ignore = () => {};

export function BodyField({ values, errors, images, listMedia, onChange = ignore }: Props) {
  const json = values.bodyJson || EMPTY_BODY;
  const initialBody = useMemo(() => parseBody(json), [json]);
  const invalid = Boolean(errors?.length);
  return (
    <div className="space-y-1">
      <label id="body-label" htmlFor="body" className="block text-sm font-medium text-neutral-800">
        Body
      </label>
      <p id="body-hint" className="text-sm text-neutral-600">
        Shortcuts: Ctrl+B bold, Ctrl+I italic, Ctrl+K link, Ctrl+Alt+2 or 3 headings, Ctrl+Shift+8 or 7 lists, Ctrl+Shift+B quote, Ctrl+Alt+P pull quote, Ctrl+S save (⌘ on a Mac). Text pasted from Word, Google Docs or a web page keeps its headings, lists and links.
      </p>
      <input type="hidden" name="bodyJson" defaultValue={json} />
      <noscript>
        <p className="text-sm text-neutral-600">{NOTATION_HINT}</p>
        <textarea id="body" name="body" aria-describedby="body-error" aria-invalid={invalid || undefined} defaultValue={values.body} rows={18} className={`${inputClass} font-mono text-sm`} />
      </noscript>
      <BodyEditor labelId="body-label" describedBy="body-hint body-error" invalid={invalid} initialBody={initialBody} images={images} listMedia={listMedia} onChange={onChange} />
      <div id="body-error" aria-live="polite" aria-atomic="true">
        {errors?.map((error) => (
          <p key={error} className="text-sm text-red-700">
            {error}
          </p>
        ))}
      </div>
    </div>
  );
}
