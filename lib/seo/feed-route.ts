/** Validation of the internal feed route's parameters (the public URLs are rewritten to it). */
import { z } from 'zod';
import type { FeedScope } from '../feeds';
import type { FeedFormat } from './urls';

const slug = z.string().min(1).max(200).regex(/^[^/?#\s]+$/);

const formats: Record<string, FeedFormat> = { feed: 'rss', rss: 'rss', atom: 'atom' };

const scopeSchema = z.union([
  z.tuple([]).transform((): FeedScope => ({ kind: 'site' })),
  z.tuple([z.literal('section'), slug]).transform(([, top]): FeedScope => ({ kind: 'section', slugs: [top] })),
  z.tuple([z.literal('section'), slug, slug]).transform(([, top, sub]): FeedScope => ({ kind: 'section', slugs: [top, sub] })),
  z.tuple([z.literal('tag'), slug]).transform(([, s]): FeedScope => ({ kind: 'tag', slug: s })),
  z.tuple([z.literal('author'), slug]).transform(([, s]): FeedScope => ({ kind: 'author', slug: s })),
]);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The feed a `/_broadsheet/feed/{format}/{…scope}` request asks for, or null (404). */
export function parseFeedRoute(params: { format: string; scope?: string[] }): { format: FeedFormat; scope: FeedScope } | null {
  const format = formats[params.format];
  const scope = scopeSchema.safeParse((params.scope ?? []).map(decode));
  return format && scope.success ? { format, scope: scope.data } : null;
}
