/**
 * What differs between the copy someone else saved and the one this editor tried to save, for
 * the conflict panel: short fields word by word, the body with the revisions diff (paragraphs
 * aligned, words within a changed one, long unchanged runs folded — lib/revisions.ts). Runs on
 * the server; the browser only shows the result.
 */
import { diffWords } from 'diff';
import { diffBodies, foldUnchanged, type BodyDiffRow, type FieldChange } from '../revisions';
import { bodySchema, type Body } from '../validation/body';
import { bodyToText, textToBody } from '../validation/body-text';

export interface ConflictDiff {
  fields: FieldChange[];
  /** Empty when the bodies agree. */
  body: BodyDiffRow[];
  /** This editor's side as plain text (changed fields and the whole body), to copy elsewhere. */
  mine: string;
}

const LABELS: Record<string, string> = {
  headline: 'Headline',
  standfirst: 'Standfirst',
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

/** Multi-valued fields arrive one value per line, with a line for every empty slot (unused byline selects). */
const LISTS = new Set(['secondarySectionIds', 'bylinePersonIds']);

function fieldText(values: Record<string, string>, field: string): string {
  const value = values[field] ?? '';
  return LISTS.has(field) ? value.split('\n').filter((v) => v.trim() !== '').join('\n') : value.trim();
}

/** The body of a form's values: the editor sends JSON, the no-script form the text notation. Unreadable input is shown as it came. */
export function bodyOf(values: Record<string, string>): Body {
  try {
    if (values.body !== undefined && values.bodyJson === undefined) return textToBody(values.body);
    const parsed = bodySchema.safeParse(JSON.parse(values.bodyJson ?? ''));
    if (parsed.success) return parsed.data;
  } catch {
    // Not readable: fall through to the raw text.
  }
  const raw = values.bodyJson ?? values.body ?? '';
  return { blocks: raw ? [{ type: 'paragraph', content: [{ text: raw.slice(0, 20_000) }] }] : [] };
}

export function describeConflict(saved: Record<string, string>, mine: Record<string, string>): ConflictDiff {
  const fields: FieldChange[] = [];
  const mineText: string[] = [];
  for (const [field, label] of Object.entries(LABELS)) {
    const a = fieldText(saved, field);
    const b = fieldText(mine, field);
    if (a === b) continue;
    fields.push({ field, label, type: 'text', parts: diffWords(a, b).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value })) });
    mineText.push(`${label}: ${b}`);
  }
  const savedBody = bodyOf(saved);
  const mineBody = bodyOf(mine);
  const sameBody = bodyToText(savedBody) === bodyToText(mineBody);
  return { fields, body: sameBody ? [] : foldUnchanged(diffBodies(savedBody, mineBody)), mine: [...mineText, bodyToText(mineBody)].join('\n\n') };
}
