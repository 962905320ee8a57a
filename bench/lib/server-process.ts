// The server under test, forked by bench/run.ts with an IPC channel: `npm start`'s server.ts on
// the database DATABASE_URL names, plus a few commands only its parent can send (the channel is a
// pipe between the two processes, not a network endpoint): invalidate tags as a write path would,
// list sample URLs per page type, and create then publish a story through lib/article-workflow.
import 'next/dist/server/node-environment-baseline.js';
import { z } from 'zod';
import type { PagePools, Reply } from './server-control';

const { startServer } = await import('../../server');
const { invalidate, tags } = await import('../../lib/cache-tags');
const { db } = await import('../../lib/db');
const { listSitemaps } = await import('../../lib/sitemaps');
const { createArticle, publishArticle } = await import('../../lib/article-workflow');
const { createTestActor } = await import('../../lib/testing/users');

const running = await startServer();

const commandSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.number(), kind: z.literal('invalidate'), tags: z.array(z.string()) }),
  z.object({ id: z.number(), kind: z.literal('pools'), size: z.number().int().positive() }),
  z.object({ id: z.number(), kind: z.literal('draft') }),
  z.object({ id: z.number(), kind: z.literal('publish'), articleId: z.number().int() }),
  z.object({ id: z.number(), kind: z.literal('memory') }),
  z.object({ id: z.number(), kind: z.literal('stop') }),
]);

/** Sample URLs per page type, each with the tags a write to its content would invalidate. */
async function pools(size: number): Promise<PagePools> {
  const client = db();
  const live = { publicationState: 'published', deletedAt: null } as const;
  const newest = await client.article.findMany({ where: live, orderBy: { publishedAt: 'desc' }, take: 1, select: { id: true } });
  const maxId = (await client.article.aggregate({ _max: { id: true } }))._max.id ?? 0;
  const wanted = [...new Set([newest[0]?.id ?? 1, ...Array.from({ length: size * 2 }, () => 1 + Math.floor(Math.random() * maxId))])];
  const articles = await client.article.findMany({ where: { ...live, id: { in: wanted } }, select: { id: true, slug: true, headline: true, topSection: { select: { slug: true } } } });
  articles.sort((a, b) => (a.id === newest[0]?.id ? -1 : b.id === newest[0]?.id ? 1 : 0));
  const sections = await client.section.findMany({ where: { parentId: null }, orderBy: { position: 'asc' }, select: { id: true, slug: true } });
  const byTag = await client.articleTag.groupBy({ by: ['tagId'], _count: { tagId: true }, orderBy: { _count: { tagId: 'desc' } }, take: size });
  const tagRows = await client.tag.findMany({ where: { id: { in: byTag.map((t) => t.tagId) } }, select: { id: true, slug: true } });
  const tagOrder = new Map(byTag.map((t, i) => [t.tagId, i]));
  tagRows.sort((a, b) => tagOrder.get(a.id)! - tagOrder.get(b.id)!);
  const byAuthor = await client.articleByline.groupBy({ by: ['personId'], _count: { personId: true }, orderBy: { _count: { personId: 'desc' } }, take: size });
  const people = await client.person.findMany({ where: { id: { in: byAuthor.map((p) => p.personId) } }, select: { id: true, slug: true } });
  const personOrder = new Map(byAuthor.map((p, i) => [p.personId, i]));
  people.sort((a, b) => personOrder.get(a.id)! - personOrder.get(b.id)!);
  const words = [...new Set(articles.flatMap((a) => a.headline.toLowerCase().match(/\p{L}{5,}/gu) ?? []))];
  const chunks = (await listSitemaps()).map((ref) => ref.name);
  const articleChunks = chunks.filter((name) => name.startsWith('articles-')).sort();

  return {
    home: [{ path: '/', tags: [tags.home] }],
    article: articles.slice(0, size).map((a) => ({ path: `/${a.topSection.slug}/${a.slug}`, tags: [tags.article(a.id)] })),
    // Every section's page 2 first, then deeper pages for the cold sweep.
    'section page 2': [2, 3, 4, 5, 6, 7, 8].flatMap((page) => sections.map((s) => ({ path: `/${s.slug}?page=${page}`, tags: [tags.section(s.id)] }))),
    tag: tagRows.map((t) => ({ path: `/tag/${t.slug}`, tags: [tags.tag(t.id)] })),
    author: people.map((p) => ({ path: `/author/${p.slug}`, tags: [tags.author(p.id)] })),
    search: words.slice(0, size).map((word) => ({ path: `/search?q=${encodeURIComponent(word)}`, tags: [tags.search] })),
    rss: [
      { path: '/feed.xml', tags: [tags.feeds] },
      ...sections.map((s) => ({ path: `/${s.slug}/feed.xml`, tags: [tags.feeds] })),
      ...tagRows.map((t) => ({ path: `/tag/${t.slug}/feed.xml`, tags: [tags.feeds] })),
      ...people.map((p) => ({ path: `/author/${p.slug}/feed.xml`, tags: [tags.feeds] })),
    ].slice(0, size),
    'sitemap chunk': [articleChunks.at(-1) ?? chunks[0]!, ...chunks.filter((name) => name !== articleChunks.at(-1))].map((name) => ({ path: `/sitemaps/${name}.xml`, tags: [tags.sitemaps] })),
  };
}

let editor: Awaited<ReturnType<typeof createTestActor>> | undefined;

async function run(command: z.infer<typeof commandSchema>): Promise<unknown> {
  switch (command.kind) {
    case 'invalidate':
      await invalidate(command.tags);
      return null;
    case 'pools':
      return pools(command.size);
    case 'draft': {
      editor ??= await createTestActor('editor');
      const section = await db().section.findFirstOrThrow({ where: { parentId: null }, orderBy: { position: 'asc' }, select: { id: true } });
      const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
      const { id } = await createArticle(editor, {
        headline: `Benchmark story ${stamp}`,
        standfirst: 'Published by npm run bench to time publish-to-visible.',
        body: { blocks: [{ type: 'paragraph', content: [{ text: 'Measured from the publish call to the first reader response that shows it.' }] }] },
        primarySectionId: section.id,
      });
      const row = await db().article.findUniqueOrThrow({ where: { id }, select: { slug: true, topSection: { select: { slug: true } } } });
      return { articleId: id, path: `/${row.topSection.slug}/${row.slug}` };
    }
    case 'publish':
      return publishArticle(editor!, command.articleId);
    case 'memory':
      // With --expose-gc, measure what is live rather than what awaits collection.
      (globalThis as { gc?: () => void }).gc?.();
      return { ...process.memoryUsage(), cacheEntries: running.front.cache.size, cacheBytes: running.front.cache.bytes };
    case 'stop':
      await running.close();
      setImmediate(() => process.exit(0));
      return null;
  }
}

process.on('message', (message: unknown) => {
  const parsed = commandSchema.safeParse(message);
  if (!parsed.success) {
    process.send!({ id: -1, error: `bad command: ${parsed.error.message}` } satisfies Reply);
    return;
  }
  run(parsed.data).then(
    (value) => process.send!({ id: parsed.data.id, value } satisfies Reply),
    (error: unknown) => process.send!({ id: parsed.data.id, error: String(error instanceof Error ? (error.stack ?? error.message) : error) } satisfies Reply),
  );
});
// Never outlive the bench that forked us.
process.on('disconnect', () => process.exit(0));
process.send!({ id: 0, value: { url: running.url } } satisfies Reply);
