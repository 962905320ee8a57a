/**
 * The editor's autosave: PUT `{ baseVersion, values }` a few seconds after typing stops and when
 * the page is left (fetch keepalive); DELETE when the writer discards it. Answers 200 with the
 * time saved, or a status and a JSON body that says what was wrong. The body is read with a limit.
 */
import { ArticleNotFoundError } from '@/lib/article-workflow';
import { authErrorResponse, crossSiteResponse, isSameOrigin } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { AutosaveInputError, discardAutosave, saveAutosave } from '@/lib/autosave';
import { MAX_AUTOSAVE_CHARS } from '@/lib/validation/autosave';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
const problem = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });
// UTF-8 may take up to 3 bytes per UTF-16 unit, plus the JSON around the values.
const MAX_BYTES = MAX_AUTOSAVE_CHARS * 3 + 64 * 1024;

type Context = { params: Promise<{ id: string }> };

async function articleId(context: Context): Promise<number | null> {
  const id = Number((await context.params).id);
  return Number.isInteger(id) && id > 0 ? id : null;
}

function failure(error: unknown): Response {
  const auth = authErrorResponse(error);
  if (auth) return auth;
  if (error instanceof ArticleNotFoundError) return problem(404, error.message);
  if (error instanceof AutosaveInputError) return problem(422, error.message);
  throw error;
}

export async function PUT(request: Request, context: Context): Promise<Response> {
  if (!isSameOrigin(request)) return crossSiteResponse();
  const id = await articleId(context);
  if (id === null) return problem(404, 'No such article.');
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES) return problem(413, 'The draft is too large to autosave.');
  let input: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BYTES) return problem(413, 'The draft is too large to autosave.');
    input = JSON.parse(text);
  } catch {
    return problem(400, 'Send the autosave as JSON.');
  }
  try {
    const actor = await requireActor();
    const { savedAt } = await saveAutosave(actor, id, input);
    return Response.json({ savedAt: savedAt.toISOString() }, { headers: NO_STORE });
  } catch (error) {
    return failure(error);
  }
}

export async function DELETE(request: Request, context: Context): Promise<Response> {
  if (!isSameOrigin(request)) return crossSiteResponse();
  const id = await articleId(context);
  if (id === null) return problem(404, 'No such article.');
  try {
    await discardAutosave(await requireActor(), id);
    return new Response(null, { status: 204, headers: NO_STORE });
  } catch (error) {
    return failure(error);
  }
}
