/**
 * Upload endpoint for the media library's uploader (XHR, so the browser can show progress).
 * POST multipart/form-data with one or more `file` fields and optional `alt`, `caption`,
 * `credit`; answers 201 with the stored images, or the status of the first refusal with a JSON
 * body that says what was wrong. The body is read with a byte limit before it is parsed.
 */
import { authErrorResponse, crossSiteResponse, isSameOrigin } from '@/lib/auth/guards';
import { requireActor } from '@/lib/auth/session';
import { MediaRejectedError, uploadMedia, type MediaItem } from '@/lib/media';
import { MAX_FILES_PER_UPLOAD, MAX_UPLOAD_BYTES } from '@/lib/validation/media';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'private, no-store' };
// Room for the multipart boundaries and the text fields around the files.
const MAX_BODY = MAX_UPLOAD_BYTES * 2 + 64 * 1024;

const problem = (status: number, error: string) => Response.json({ error }, { status, headers: NO_STORE });

async function readLimited(request: Request, limit: number): Promise<Buffer | null> {
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return crossSiteResponse();
  let actor;
  try {
    actor = await requireActor('admin', 'editor', 'author');
  } catch (error) {
    return authErrorResponse(error) ?? problem(500, 'Could not check your session.');
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return problem(415, 'Send the files as multipart/form-data.');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY) return problem(413, `The upload is larger than ${MAX_UPLOAD_BYTES / 1048576} MB per file.`);
  const body = await readLimited(request, MAX_BODY);
  if (!body) return problem(413, `The upload is larger than ${MAX_UPLOAD_BYTES / 1048576} MB per file.`);

  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(body)]), { headers: { 'content-type': type } }).formData();
  } catch {
    return problem(400, 'The upload could not be read; try again.');
  }
  const files = form.getAll('file').filter((f): f is File => typeof f !== 'string');
  if (!files.length) return problem(400, 'Choose at least one image to upload.');
  if (files.length > MAX_FILES_PER_UPLOAD) return problem(400, `Upload at most ${MAX_FILES_PER_UPLOAD} files at a time.`);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };

  const uploaded: MediaItem[] = [];
  for (const file of files) {
    try {
      uploaded.push(await uploadMedia(actor, { name: file.name, bytes: Buffer.from(await file.arrayBuffer()), alt: text('alt'), caption: text('caption'), credit: text('credit') }));
    } catch (error) {
      if (error instanceof MediaRejectedError) return Response.json({ error: error.message, uploaded }, { status: error.status, headers: NO_STORE });
      throw error;
    }
  }
  return Response.json({ uploaded }, { status: 201, headers: NO_STORE });
}
