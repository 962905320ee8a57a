/**
 * The article form's fields (all strings, as a browser posts them) → the workflow's ArticleInput.
 * Shared by the create and save actions so both report the same field errors.
 */
import { z } from 'zod';
import { articleInputSchema, type ParsedArticleInput } from './article';
import { readBodyField } from './body-field';
import { bodyToText } from './body-text';
import type { ConflictDiff } from '../editor/conflict';
import { fieldErrors, type FormState } from './form';

const idList = (values: FormDataEntryValue[]) => values.map(String).filter((v) => v.trim() !== '').map(Number);

/** Field names of the form, one per ArticleInput key (body: `bodyJson` from the editor, or `body` in the textarea notation). */
export type ArticleFormField = keyof ParsedArticleInput;

export type ArticleFormResult = { success: true; data: ParsedArticleInput } | { success: false; errors: Record<string, string[]> };

export function parseArticleForm(form: FormData): ArticleFormResult {
  const errors: Record<string, string[]> = {};
  const field = readBodyField(form);
  if (!field.ok) errors.body = [field.message];
  const body = field.ok ? field.body : { blocks: [] };
  const text = (name: string) => String(form.get(name) ?? '');
  const heroImage = text('heroImageId').trim();
  const candidate = {
    headline: text('headline'),
    standfirst: text('standfirst'),
    slug: text('slug'),
    body,
    primarySectionId: Number(text('primarySectionId')) || 0,
    secondarySectionIds: idList(form.getAll('secondarySectionIds')),
    tagNames: text('tagNames')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    bylinePersonIds: idList(form.getAll('bylinePersonIds')),
    heroImageId: heroImage === '' ? null : Number(heroImage),
    heroAlt: text('heroAlt'),
    heroCaption: text('heroCaption'),
    heroCredit: text('heroCredit'),
    seoTitle: text('seoTitle'),
    seoDescription: text('seoDescription'),
    canonicalUrl: text('canonicalUrl').trim(),
    noindex: form.has('noindex'),
    isBreaking: form.has('isBreaking'),
    isFeatured: form.has('isFeatured'),
    isOpinion: form.has('isOpinion'),
    correction: text('correction'),
  };
  const parsed = articleInputSchema
    .extend({ primarySectionId: z.number({ error: 'Choose a section.' }).int().positive('Choose a section.') })
    .safeParse(candidate);
  if (!parsed.success) {
    for (const [path, messages] of Object.entries(fieldErrors(parsed.error))) {
      const field = path.split('.')[0]!;
      if (field === 'body' && errors.body) continue;
      (errors[field] ??= []).push(...(messages ?? []));
    }
  }
  if (Object.keys(errors).length || !parsed.success) return { success: false, errors };
  return { success: true, data: parsed.data };
}

/** The form's initial values for a stored copy (the inverse of parseArticleForm). */
export function formValuesFromCopy(copy: StoredCopyLike, tagNames: string[]): Record<string, string> {
  const flag = (on: boolean) => (on ? 'on' : '');
  return {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    body: bodyToText(copy.body),
    bodyJson: JSON.stringify(copy.body),
    primarySectionId: String(copy.primarySectionId),
    secondarySectionIds: copy.secondarySectionIds.join('\n'),
    tagNames: tagNames.join(', '),
    bylinePersonIds: copy.bylinePersonIds.join('\n'),
    heroImageId: copy.heroImageId === null ? '' : String(copy.heroImageId),
    heroAlt: copy.heroAlt ?? '',
    heroCaption: copy.heroCaption ?? '',
    heroCredit: copy.heroCredit ?? '',
    seoTitle: copy.seoTitle ?? '',
    seoDescription: copy.seoDescription ?? '',
    canonicalUrl: copy.canonicalUrl ?? '',
    noindex: flag(copy.noindex),
    isBreaking: flag(copy.isBreaking),
    isFeatured: flag(copy.isFeatured),
    isOpinion: flag(copy.isOpinion),
    correction: copy.correction ?? '',
  };
}

type StoredCopyLike = Omit<ParsedArticleInput, 'tagNames'> & { tagIds: number[] };

/** The article form's action state; `conflict` when someone else saved since this editor loaded the article. */
export interface ArticleFormState extends FormState {
  conflict?: {
    /** The version now stored: saving on top of it overwrites their save knowingly. */
    version: number;
    /** Their copy as form values, to take instead. */
    values: Record<string, string>;
    diff: ConflictDiff;
  };
}
