/**
 * What differs between the copy someone else saved and the one this editor tried to save, field
 * by field, for the conflict panel: the body block by block (in the text notation, which reads
 * like the article), short fields word by word. Runs on the server; the browser only shows it.
 */
import { diffArrays, diffWords } from 'diff';
import { bodySchema } from '../validation/body';
import { bodyToText } from '../validation/body-text';

export interface DiffPart {
  text: string;
  /** In both copies, only in the saved one, or only in this editor's. */
  side: 'both' | 'saved' | 'mine';
}

export interface FieldDifference {
  field: string;
  label: string;
  parts: DiffPart[];
}

const LABELS: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
  body: 'Body',
  slug: 'Slug',
  primarySectionId: 'Section',
  secondarySectionIds: 'Also in sections',
  tagNames: 'Tags',
  bylinePersonIds: 'Bylines',
  heroImageId: 'Hero image',
  heroAlt: 'Hero alt text',
  heroCaption: 'Hero caption',
  heroCredit: 'Hero credit',
  seoTitle: 'SEO title',
  seoDescription: 'SEO description',
  canonicalUrl: 'Canonical URL',
  noindex: 'Hide from search engines',
  isBreaking: 'Breaking news',
  isFeatured: 'Featured',
  isOpinion: 'Opinion',
  correction: 'Correction note',
};

/** The body of a form's values as text: the editor sends JSON, the no-script form the notation. */
export function bodyTextOf(values: Record<string, string>): string {
  if (values.body !== undefined && values.bodyJson === undefined) return values.body;
  try {
    const parsed = bodySchema.safeParse(JSON.parse(values.bodyJson ?? ''));
    if (parsed.success) return bodyToText(parsed.data);
  } catch {
    // Not JSON: shown as it came.
  }
  return values.bodyJson ?? values.body ?? '';
}

/** Multi-valued fields arrive one value per line, with a line for every empty slot (unused byline selects). */
const LISTS = new Set(['secondarySectionIds', 'bylinePersonIds']);
const fieldText = (values: Record<string, string>, field: string) => {
  const value = values[field] ?? '';
  return LISTS.has(field) ? value.split('\n').filter((v) => v.trim() !== '').join('\n') : value.trim();
};

const blocksOf = (text: string) => text.split(/\n{2,}/).filter((b) => b.trim() !== '');
const sideOf = (part: { added?: boolean; removed?: boolean }): DiffPart['side'] => (part.added ? 'mine' : part.removed ? 'saved' : 'both');

export function describeConflict(saved: Record<string, string>, mine: Record<string, string>): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const [field, label] of Object.entries(LABELS)) {
    if (field === 'body') {
      const a = bodyTextOf(saved);
      const b = bodyTextOf(mine);
      if (a === b) continue;
      const parts = diffArrays(blocksOf(a), blocksOf(b)).flatMap((part) => part.value.map((text) => ({ text, side: sideOf(part) })));
      out.push({ field, label, parts });
      continue;
    }
    const a = fieldText(saved, field);
    const b = fieldText(mine, field);
    if (a === b) continue;
    out.push({ field, label, parts: diffWords(a, b).map((part) => ({ text: part.value, side: sideOf(part) })) });
  }
  return out;
}
