/**
 * The body field of a newsroom form (articles and static pages): the rich editor posts the
 * structured body as JSON in `bodyJson`; the form without JavaScript posts the textarea notation
 * (./body-text.ts) in `body`, which wins when both arrive. Either way the caller still validates
 * the result with `bodySchema`: the client is never trusted.
 */
import { BodyTextError, textToBody } from './body-text';

export type BodyFieldResult = { ok: true; body: unknown } | { ok: false; message: string };

export function readBodyField(form: FormData): BodyFieldResult {
  const json = form.get('bodyJson');
  if (!form.has('body') && typeof json === 'string') {
    try {
      return { ok: true, body: JSON.parse(json) };
    } catch {
      return { ok: false, message: 'The body could not be read; reload the page (your text is kept on this device).' };
    }
  }
  try {
    return { ok: true, body: textToBody(String(form.get('body') ?? '')) };
  } catch (error) {
    if (!(error instanceof BodyTextError)) throw error;
    return { ok: false, message: error.message };
  }
}
