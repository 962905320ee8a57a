/**
 * Where the importer finds a picture: attachments name files relative to the copy of
 * wp-content/uploads given with --uploads. The files themselves go through the media library's
 * own checks (lib/media.ts `prepareMedia`), exactly as uploads do.
 */
import { relative, resolve, sep } from 'node:path';

/** `relativePath` inside `root`, refusing anything that climbs out of it. */
export function insideDir(root: string, relativePath: string): string | null {
  const full = resolve(root, relativePath.replace(/^\/+/, ''));
  const rel = relative(resolve(root), full);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? full : null;
}
