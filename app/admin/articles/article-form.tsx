'use client';
import { useActionState, useState } from 'react';
import { describedBy, Field, FormMessage, inputClass } from '@/components/admin/field';
import type { PersonOption, SectionOption } from '@/lib/article-list';
import { initialFormState } from '@/lib/validation/form';
import { createArticleAction, saveArticleAction } from './actions';

/** Form values as the browser posts them; multi-valued fields are joined with newlines. */
export type ArticleFormValues = Record<string, string>;

const BYLINE_SLOTS = 3;
const BODY_HINT = 'Blank lines separate paragraphs. ## Heading, > quote, - list item, **bold**, _italic_, [link](https://…), ::image 12 | alt text | caption | credit, ::embed https://…, --- rule.';

interface Props {
  /** Absent for a new article. */
  article?: { id: number; version: number };
  initial: ArticleFormValues;
  sections: SectionOption[];
  people: PersonOption[];
  siteUrl: string;
}

export function ArticleForm({ article, initial, sections, people, siteUrl }: Props) {
  const action = article ? saveArticleAction.bind(null, article.id) : createArticleAction;
  const [state, formAction, pending] = useActionState(action, initialFormState);
  // After a failed submit the form is rebuilt from what was sent, so nothing typed is lost.
  const values = state.values ?? initial;
  const errors = state.errors ?? {};
  const many = (name: string) => (values[name] ?? '').split('\n').filter(Boolean);
  const [preview, setPreview] = useState({ title: values.seoTitle || values.headline || '', description: values.seoDescription || values.standfirst || '', slug: values.slug || '' });
  const bylines = many('bylinePersonIds');

  return (
    <form
      key={JSON.stringify(state.values ?? null)}
      action={formAction}
      noValidate
      className="space-y-6"
      onChange={(event) => {
        const form = event.currentTarget.elements;
        const get = (name: string) => (form.namedItem(name) as HTMLInputElement | null)?.value ?? '';
        setPreview({ title: get('seoTitle') || get('headline'), description: get('seoDescription') || get('standfirst'), slug: get('slug') });
      }}
    >
      <FormMessage message={state.message} />
      {article ? <input type="hidden" name="baseVersion" value={article.version} /> : null}

      <Field id="headline" label="Headline" errors={errors.headline}>
        <input {...describedBy('headline', errors.headline)} defaultValue={values.headline} required maxLength={300} className={`${inputClass} font-serif text-xl`} />
      </Field>
      <Field id="standfirst" label="Standfirst" errors={errors.standfirst}>
        <textarea {...describedBy('standfirst', errors.standfirst)} defaultValue={values.standfirst} rows={2} maxLength={600} className={inputClass} />
      </Field>
      <Field id="body" label="Body" errors={errors.body} hint={BODY_HINT}>
        <textarea {...describedBy('body', errors.body, true)} defaultValue={values.body} rows={18} className={`${inputClass} font-mono text-sm`} />
      </Field>

      <fieldset className="grid gap-4 rounded border border-neutral-300 bg-white p-4 md:grid-cols-2">
        <legend className="px-1 font-semibold">Placement</legend>
        <Field id="primarySectionId" label="Section" errors={errors.primarySectionId}>
          <select {...describedBy('primarySectionId', errors.primarySectionId)} defaultValue={values.primarySectionId ?? ''} className={inputClass}>
            <option value="">Choose a section…</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.parentName ? `${s.parentName} › ${s.name}` : s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="secondarySectionIds" label="Also in sections" errors={errors.secondarySectionIds} hint="Hold Ctrl (⌘ on a Mac) to choose several.">
          <select {...describedBy('secondarySectionIds', errors.secondarySectionIds, true)} multiple defaultValue={many('secondarySectionIds')} size={4} className={inputClass}>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.parentName ? `${s.parentName} › ${s.name}` : s.name}
              </option>
            ))}
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
  );
}
