'use client';
import { useActionState, useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import { SectionOptions } from '@/components/admin/section-options';
import type { PersonOption, SectionOption } from '@/lib/article-list';
import type { ImageSources } from '@/lib/editor/body-doc';
import type { ArticleFormState } from '@/lib/validation/article-form';
import { createArticleAction, listMediaForPickerAction, saveArticleAction } from './actions';
import { AutosaveStatus, differsFrom, draftKey, readDraft, removeDraft, RestoreOffer, useAutosave, type Draft, type ServerAutosave } from './autosave';
import { BodyField } from './body-field';
import { ConflictPanel } from './conflict-panel';

/** Form values as the browser posts them; multi-valued fields are joined with newlines. */
export type ArticleFormValues = Record<string, string>;

const BYLINE_SLOTS = 3;

interface Props {
  /** Absent for a new article. */
  article?: { id: number; version: number };
  initial: ArticleFormValues;
  sections: SectionOption[];
  people: PersonOption[];
  siteUrl: string;
  /** The signed-in user: the local copy of unsaved text is kept per user. */
  userId: number;
  /** Where the body's images are, by media id, so the editor can show them. */
  bodyImages?: ImageSources;
  /** This user's autosave of the article, if one is newer than the last save. */
  autosave?: ServerAutosave | null;
}

const initialState: ArticleFormState = {};
const NO_IMAGES: ImageSources = {};

/** The newest unsaved copy to offer back: this device's or the server's autosave, when it differs from what loaded. */
function pickOffer(local: Draft | null, server: ServerAutosave | null | undefined, initial: Record<string, string>): { draft: Draft; source: 'device' | 'server' } | null {
  const fromServer = server ? { values: server.values, baseVersion: server.baseVersion, at: Date.parse(server.savedAt) } : null;
  const candidates = [local ? { draft: local, source: 'device' as const } : null, fromServer ? { draft: fromServer, source: 'server' as const } : null]
    .filter((c) => c !== null)
    .sort((a, b) => b.draft.at - a.draft.at);
  return candidates.find((c) => differsFrom(c.draft.values, initial)) ?? null;
}

export function ArticleForm({ article, initial, sections, people, siteUrl, userId, bodyImages = NO_IMAGES, autosave }: Props) {
  const action: (previous: ArticleFormState, data: FormData) => Promise<ArticleFormState> = article ? saveArticleAction.bind(null, article.id) : createArticleAction;
  const [state, formAction, pending] = useActionState(action, initialState);
  const form = useRef<HTMLFormElement>(null);
  const [baseVersion, setBaseVersion] = useState(article?.version ?? 0);
  // What the fields start from: the stored copy, what was sent back after a refused save, a
  // restored draft, or the other editor's copy after a conflict. `n` rebuilds the form.
  const [seed, setSeed] = useState({ values: initial, n: 0 });
  const [seenState, setSeenState] = useState(state);
  const [offer, setOffer] = useState<{ draft: Draft; source: 'device' | 'server' } | null>(null);
  const [conflict, setConflict] = useState<ArticleFormState['conflict'] | null>(null);
  if (state !== seenState) {
    // After a refused save the form is rebuilt from what was sent, so nothing typed is lost.
    setSeenState(state);
    if (state.values) setSeed((s) => ({ values: state.values!, n: s.n + 1 }));
    setConflict(state.conflict ?? null);
  }
  const values = seed.values;
  const errors = state.errors ?? {};
  const { status, markDirty, markSubmitting, markUnsaved } = useAutosave({ form, articleId: article?.id ?? null, userId });
  const key = draftKey(article?.id ?? null, userId);

  useEffect(() => {
    if (state !== initialState) markUnsaved();
  }, [state, markUnsaved]);

  // On arrival: forget copies that a later save holds, offer back anything else that was never saved.
  useEffect(() => {
    let local = readDraft(key);
    if (local?.submitted && article && article.version > local.baseVersion) {
      removeDraft(key);
      local = null;
    }
    if (article) {
      const created = readDraft(draftKey(null, userId));
      if (created?.submitted && created.values.headline === initial.headline) removeDraft(draftKey(null, userId));
    }
    // localStorage exists only in the browser, after hydration: the offer cannot be part of the first render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOffer(pickOffer(local, autosave, initial));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the copy the page opened with
  }, []);

  const restore = useCallback(() => {
    if (!offer) return;
    // Keep the version the draft was written on: if someone saved since, saving it shows the conflict.
    if (article) setBaseVersion(offer.draft.baseVersion);
    setSeed((s) => ({ values: offer.draft.values, n: s.n + 1 }));
    setOffer(null);
    setTimeout(markDirty, 0);
  }, [offer, article, markDirty]);

  const discard = useCallback(() => {
    removeDraft(key);
    if (article && offer?.source === 'server') void fetch(`/api/admin/articles/${article.id}/autosave`, { method: 'DELETE' });
    setOffer(null);
  }, [key, article, offer]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    flushSync(() => {
      setBaseVersion(conflict.version);
      setConflict(null);
    });
    form.current?.requestSubmit();
  }, [conflict]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    setBaseVersion(conflict.version);
    setSeed((s) => ({ values: conflict.values, n: s.n + 1 }));
  }, [conflict]);
  const many = (name: string) => (values[name] ?? '').split('\n').filter(Boolean);
  const [preview, setPreview] = useState({ title: values.seoTitle || values.headline || '', description: values.seoDescription || values.standfirst || '', slug: values.slug || '' });
  const bylines = many('bylinePersonIds');

  return (
    <>
      {offer ? <RestoreOffer draft={offer.draft} source={offer.source} onRestore={restore} onDiscard={discard} /> : null}
      {conflict ? <ConflictPanel message={state.message ?? ''} diff={conflict.diff} onKeepMine={keepMine} onTakeTheirs={takeTheirs} /> : null}
      <form
        ref={form}
        key={seed.n}
        action={formAction}
        noValidate
        className="space-y-6"
        onSubmit={markSubmitting}
        onInput={markDirty}
        onChange={(event) => {
          markDirty();
          const form = event.currentTarget.elements;
          const get = (name: string) => (form.namedItem(name) as HTMLInputElement | null)?.value ?? '';
          setPreview({ title: get('seoTitle') || get('headline'), description: get('seoDescription') || get('standfirst'), slug: get('slug') });
        }}
      >
        {conflict ? null : <FormMessage message={state.message} />}
        <div className="sticky top-0 z-10">
          <AutosaveStatus status={status} />
        </div>
        {article ? <input type="hidden" name="baseVersion" value={baseVersion} readOnly /> : null}

        <Field id="headline" label="Headline" errors={errors.headline}>
          <input {...describedBy('headline', errors.headline)} defaultValue={values.headline} required maxLength={300} className={`${inputClass} font-serif text-xl`} />
        </Field>
        <Field id="standfirst" label="Standfirst" errors={errors.standfirst}>
          <textarea {...describedBy('standfirst', errors.standfirst)} defaultValue={values.standfirst} rows={2} maxLength={600} className={inputClass} />
        </Field>
        <BodyField values={values} errors={errors.body} images={bodyImages} listMedia={listMediaForPickerAction} onChange={markDirty} />

        <fieldset className="grid gap-4 rounded border border-neutral-300 bg-white p-4 md:grid-cols-2">
          <legend className="px-1 font-semibold">Placement</legend>
          <Field id="primarySectionId" label="Section" errors={errors.primarySectionId}>
            <select {...describedBy('primarySectionId', errors.primarySectionId)} defaultValue={values.primarySectionId ?? ''} className={inputClass}>
              <option value="">Choose a section…</option>
              <SectionOptions sections={sections} />
            </select>
          </Field>
          <Field id="secondarySectionIds" label="Also in sections" errors={errors.secondarySectionIds} hint="Hold Ctrl (⌘ on a Mac) to choose several.">
            <select {...describedBy('secondarySectionIds', errors.secondarySectionIds, true)} multiple defaultValue={many('secondarySectionIds')} size={4} className={inputClass}>
              <SectionOptions sections={sections} />
            </select>
          </Field>
          <Field id="tagNames" label="Tags" errors={errors.tagNames} hint="Separate with commas; new tags are created.">
            <input {...describedBy('tagNames', errors.tagNames, true)} defaultValue={values.tagNames} className={inputClass} />
          </Field>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-neutral-800">Bylines, in order</legend>
            {Array.from({ length: Math.max(BYLINE_SLOTS, bylines.length + 1) }, (_, i) => (
              <div key={i}>
                <label htmlFor={`byline-${i}`} className="sr-only">
                  Byline {i + 1}
                </label>
                <select id={`byline-${i}`} name="bylinePersonIds" defaultValue={bylines[i] ?? ''} className={inputClass}>
                  <option value="">{i === 0 ? 'No byline' : '—'}</option>
                  {people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div aria-live="polite">{errors.bylinePersonIds?.map((e) => <p key={e} className="text-sm text-red-700">{e}</p>)}</div>
          </fieldset>
        </fieldset>

        <fieldset className="grid gap-4 rounded border border-neutral-300 bg-white p-4 md:grid-cols-2">
          <legend className="px-1 font-semibold">Hero image</legend>
          <Field id="heroImageId" label="Image id" errors={errors.heroImageId} hint="The number shown in Media.">
            <input {...describedBy('heroImageId', errors.heroImageId, true)} inputMode="numeric" defaultValue={values.heroImageId} className={inputClass} />
          </Field>
          <Field id="heroAlt" label="Alt text" errors={errors.heroAlt}>
            <input {...describedBy('heroAlt', errors.heroAlt)} defaultValue={values.heroAlt} className={inputClass} />
          </Field>
          <Field id="heroCaption" label="Caption" errors={errors.heroCaption}>
            <input {...describedBy('heroCaption', errors.heroCaption)} defaultValue={values.heroCaption} className={inputClass} />
          </Field>
          <Field id="heroCredit" label="Credit" errors={errors.heroCredit}>
            <input {...describedBy('heroCredit', errors.heroCredit)} defaultValue={values.heroCredit} className={inputClass} />
          </Field>
        </fieldset>

        <fieldset className="space-y-4 rounded border border-neutral-300 bg-white p-4">
          <legend className="px-1 font-semibold">Search and sharing</legend>
          <Field id="slug" label="Slug" errors={errors.slug} hint="Part of the address. Leave empty to make it from the headline.">
            <input {...describedBy('slug', errors.slug, true)} defaultValue={values.slug} className={`${inputClass} font-mono`} />
          </Field>
          <Field id="seoTitle" label="SEO title" errors={errors.seoTitle} hint="Defaults to the headline.">
            <input {...describedBy('seoTitle', errors.seoTitle, true)} defaultValue={values.seoTitle} className={inputClass} />
          </Field>
          <Field id="seoDescription" label="SEO description" errors={errors.seoDescription} hint="Defaults to the standfirst.">
            <textarea {...describedBy('seoDescription', errors.seoDescription, true)} defaultValue={values.seoDescription} rows={2} className={inputClass} />
          </Field>
          <figure aria-label="Search result preview" className="rounded border border-neutral-200 p-3">
            <figcaption className="mb-1 text-xs uppercase tracking-wide text-neutral-600">Search result preview</figcaption>
            <p className="truncate text-sm text-neutral-700">
              {siteUrl.replace(/^https?:\/\//, '')} › … › {preview.slug || 'slug'}
            </p>
            <p className="truncate text-lg text-blue-800">{preview.title.length > 60 ? `${preview.title.slice(0, 60)}…` : preview.title || 'Headline'}</p>
            <p className="line-clamp-2 text-sm text-neutral-700">{preview.description.length > 160 ? `${preview.description.slice(0, 160)}…` : preview.description}</p>
          </figure>
          <Field id="canonicalUrl" label="Canonical URL" errors={errors.canonicalUrl} hint="Only when the original lives elsewhere.">
            <input {...describedBy('canonicalUrl', errors.canonicalUrl, true)} type="url" defaultValue={values.canonicalUrl} className={inputClass} />
          </Field>
          <div className="flex flex-wrap gap-6">
            {(
              [
                ['noindex', 'Hide from search engines (noindex)'],
                ['isBreaking', 'Breaking news'],
                ['isFeatured', 'Featured'],
                ['isOpinion', 'Opinion'],
              ] as const
            ).map(([name, label]) => (
              <label key={name} className="flex items-center gap-2">
                <input type="checkbox" name={name} defaultChecked={values[name] === 'on'} />
                {label}
              </label>
            ))}
          </div>
          <Field id="correction" label="Correction note" errors={errors.correction}>
            <textarea {...describedBy('correction', errors.correction)} defaultValue={values.correction} rows={2} className={inputClass} />
          </Field>
        </fieldset>

        <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-5 py-2 font-semibold text-white hover:bg-neutral-700 disabled:opacity-60">
          {pending ? 'Saving…' : article ? 'Save' : 'Create draft'}
        </button>
      </form>
    </>
  );
}
