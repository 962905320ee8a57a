/**
 * The before/after summary the audit log keeps for an article save: only the fields that changed,
 * long text shortened, and for the body the first block that differs. Enough for an admin to see
 * what happened at a glance; the full text lives in the revisions (lib/revisions.ts).
 */
import { bodyToText } from './validation/body-text';
import type { Body } from './validation/body';

const MAX_CHARS = 160;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function shorten(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

/** The first differing block of each body as text, or null on the side where it is missing. */
function firstBodyChange(before: Body, after: Body): { before: string | null; after: string | null } | null {
  const length = Math.max(before.blocks.length, after.blocks.length);
  for (let i = 0; i < length; i++) {
    const a = before.blocks[i];
    const b = after.blocks[i];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    return { before: a ? shorten(bodyToText({ blocks: [a] })) : null, after: b ? shorten(bodyToText({ blocks: [b] })) : null };
  }
  return null;
}

function summarise(value: unknown): Json {
  if (typeof value === 'string') return shorten(value);
  if (value === undefined) return null;
  return value as Json;
}

/** `{ before, after }` holding only the changed fields of two copies of an article. */
export function copyChanges<T extends { body: Body }>(before: T, after: T): { before: Record<string, Json>; after: Record<string, Json> } {
  const out = { before: {} as Record<string, Json>, after: {} as Record<string, Json> };
  for (const key of Object.keys({ ...before, ...after }) as (keyof T & string)[]) {
    if (key === 'body') {
      const change = firstBodyChange(before.body, after.body);
      if (change) {
        out.before.body = change.before;
        out.after.body = change.after;
      }
      continue;
    }
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    out.before[key] = summarise(before[key]);
    out.after[key] = summarise(after[key]);
  }
  return out;
}
