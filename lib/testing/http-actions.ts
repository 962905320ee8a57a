/**
 * Calling the newsroom's server actions over HTTP the way React's client does (the `Next-Action`
 * header and an `encodeReply` body), for tests and benchmarks against the real server. Action ids
 * come from the build's server-reference manifest, so they are those of the build being served.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MANIFEST = join(import.meta.dirname, '..', '..', '.next', 'server', 'server-reference-manifest.json');

type Manifest = { node: Record<string, { filename: string; exportedName: string }> };

/** The id of `exportedName` in `filename` (e.g. `app/admin/articles/actions.ts`). */
export function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === filename && entry.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename} in the current build`);
  return found[0];
}

export interface ActionCall {
  baseUrl: string;
  /** The admin page the action is posted to (Next renders that route after the action). */
  page: string;
  id: string;
  /** The arguments before the form: bound values, then the previous state. */
  args: unknown[];
  fields: Record<string, string>;
  cookie?: string;
  /** Defaults to the server's own origin, as a browser on the page would send. */
  origin?: string | null;
}

export interface ActionResult {
  status: number;
  /** Where the action redirected (`x-action-redirect`): a completed write in our actions. */
  redirect: string | null;
  body: string;
}

/**
 * Posts one action call. React's encodeReply puts the form's entries first under the prefix
 * `_1_` and the argument list last as part `0`, with the form referenced as `$K1`; the server
 * reads the entries in that order.
 */
export async function callAction({ baseUrl, page, id, args, fields, cookie, origin }: ActionCall): Promise<ActionResult> {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
  body.append('0', JSON.stringify([...args, '$K1']));
  const headers: Record<string, string> = { 'Next-Action': id, Accept: 'text/x-component' };
  if (cookie) headers.Cookie = cookie;
  const sentOrigin = origin === undefined ? new URL(baseUrl).origin : origin;
  if (sentOrigin !== null) headers.Origin = sentOrigin;
  const response = await fetch(baseUrl + page, { method: 'POST', headers, body, redirect: 'manual' });
  return { status: response.status, redirect: response.headers.get('x-action-redirect'), body: await response.text() };
}
