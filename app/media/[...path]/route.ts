import { serveMedia } from '@/lib/media/serve';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ path: string[] }> };

export async function GET(request: Request, { params }: Context) {
  return serveMedia((await params).path, request);
}

export async function HEAD(request: Request, { params }: Context) {
  return serveMedia((await params).path, request);
}
