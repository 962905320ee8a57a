/**
 * What the newsroom's form actions share: auth errors and the expected errors an action names
 * become the form's message (anything else rethrows — a bug, or Next's redirect signal), and a
 * failed lib/ result becomes form state.
 */
import { actionAuthError } from '@/lib/auth/guards';
import type { FormState } from '@/lib/validation/form';

type Errors = Partial<Record<string, string[]>>;

type ErrorClass = abstract new (...args: never[]) => Error;

/** Runs the action's work; an auth failure, or an error of one of the `expected` classes, comes back as its message. */
export async function guarded(values: Record<string, string> | undefined, work: () => Promise<FormState>, ...expected: ErrorClass[]): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    const message = actionAuthError(error) ?? (expected.some((type) => error instanceof type) ? (error as Error).message : null);
    if (message) return { message, values };
    throw error;
  }
}

/** Field errors shown beside their fields, with the form-level one (or a pointer to them) on top. */
export function fieldsFailed(errors: Errors, values: Record<string, string>): FormState {
  return { errors, values, message: errors.form?.[0] ?? 'Check the fields marked below.' };
}

/** For one-button forms (delete, trash): the first reason given. */
export function firstReason(errors: Errors): FormState {
  return { message: Object.values(errors)[0]?.[0] };
}
