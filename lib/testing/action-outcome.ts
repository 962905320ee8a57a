/** How the permission-matrix tests read the result of a server action called directly. */
import type { FormState } from '../validation/form';

export type Outcome = 'allowed' | 'denied';

function isRedirect(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT');
}

/** The messages lib/auth/guards.ts and the data layer give for a refused actor. */
const DENIED = /Sign in again|permission|only work on their own|only their own|someone else uploaded|Please sign in/;

/**
 * A redirect or an ok state is allowed; an auth message, or a thrown AuthenticationError or
 * AuthorizationError (actions that let them propagate), is denied. Anything else (a validation
 * message, another error) fails the test, so a broken call can pass as neither.
 */
export async function outcomeOf(call: () => Promise<FormState | void>): Promise<Outcome> {
  let state: FormState | void;
  try {
    state = await call();
  } catch (error) {
    if (isRedirect(error)) return 'allowed';
    if (error instanceof Error && (error.name === 'AuthenticationError' || error.name === 'AuthorizationError')) return 'denied';
    throw error;
  }
  if (!state || state.ok) return 'allowed';
  if (DENIED.test(state.message ?? '')) return 'denied';
  throw new Error(`Neither allowed nor denied: ${JSON.stringify(state)}`);
}

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}
