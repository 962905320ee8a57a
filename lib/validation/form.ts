/**
 * The state a newsroom server action hands back to its form (the Learn-dashboard pattern):
 * field errors shown beside their fields, one message for the whole form, and the values that
 * were submitted so nothing typed is ever lost.
 */
import type { z } from 'zod';

export interface FormState {
  /** Set after a successful action that stays on the page. */
  ok?: boolean;
  message?: string;
  errors?: Partial<Record<string, string[]>>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = {};

/** Field → messages, from a failed zod parse. Nested paths are joined with dots (`bylines.0`). */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** The submitted text fields of a form, to hand back with errors. Files and passwords are left out. */
export function submittedValues(form: FormData, omit: readonly string[] = ['password', 'current', 'confirm']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string' || omit.includes(key) || key.startsWith('$ACTION')) continue;
    values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}
