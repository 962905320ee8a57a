// npm run bench:soak [-- --seconds 60 --connections 64 --writers 4 --articles 500 --heap-mb N --postgres URL]
// A bounded soak on loopback: the production server (a child process, so its memory is its own)
// on a seeded scratch site; reader traffic from autocannon over home, section, article, tag,
// author, search and feed URLs, while editors save articles (the save server action, each save
// on top of the last) and autosave (the autosave route) with real sessions. Prints requests, the
// 5xx count (must be 0), the server's RSS at the start, middle and end, and its growth.
// V8 grows its heap lazily, so RSS rising over a minute is not yet a leak: --heap-mb caps the
// server's old generation (--max-old-space-size), and a leak then ends in an out-of-memory crash,
// which shows up as errors, instead of as a number to interpret.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { prepareSite } from './lib/site';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '64' },
    writers: { type: 'string', default: '4' },
    articles: { type: 'string', default: '500' },
    'heap-mb': { type: 'string' },
    postgres: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const WRITERS = Number(values.writers);
if (!(SECONDS > 0 && WRITERS >= 1 && CONNECTIONS > WRITERS)) throw new Error('--seconds > 0, --writers ≥ 1 and --connections > --writers');

const site = await prepareSite({ articles: Number(values.articles), postgres: values.postgres });
// lib/ reads DATABASE_URL when it first connects: point it at the scratch site before loading it.
process.env.DATABASE_URL = site.databaseUrl;
process.env.MEDIA_DIR = site.mediaDir;
const { db, disconnect } = await import('../lib/db');
const { createSession } = await import('../lib/auth/session');
const { createArticle } = await import('../lib/article-workflow');
const { createTestActor } = await import('../lib/testing/users');
const { actionId, callAction } = await import('../lib/testing/http-actions');
const { startServerProcess } = await import('../lib/testing/server-process');
const { sessionCookieName } = await import('../lib/session-cookie');

/** Reader URLs, shuffled: every page type a visitor reaches. */
async function readerPaths(): Promise<string[]> {
  const live = { publicationState: 'published', deletedAt: null } as const;
  const articles = await db().article.findMany({ where: live, orderBy: { publishedAt: 'desc' }, take: 300, select: { slug: true, headline: true, topSection: { select: { slug: true } } } });
  const sections = await db().section.findMany({ where: { parentId: null }, select: { slug: true } });
  const tags = await db().tag.findMany({ take: 50, select: { slug: true } });
  const people = await db().person.findMany({ take: 30, select: { slug: true } });
  const words = [...new Set(articles.flatMap((a) => a.headline.toLowerCase().match(/\p{L}{5,}/gu) ?? []))].slice(0, 40);
  const paths = [
    '/',
    '/feed.xml',
    ...articles.map((a) => `/${a.topSection.slug}/${a.slug}`),
    ...sections.flatMap((s) => [`/${s.slug}`, `/${s.slug}?page=2`]),
    ...tags.map((t) => `/tag/${t.slug}`),
    ...people.map((p) => `/author/${p.slug}`),
    ...words.map((w) => `/search?q=${encodeURIComponent(w)}`),
  ];
  return paths.sort(() => Math.random() - 0.5);
}

/** The process's resident memory in MB; NaN once it is gone. */
function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const paths = await readerPaths();
const editor = await createTestActor('editor');
const section = await db().section.findFirstOrThrow({ where: { parentId: null }, select: { id: true } });
const targets = await Promise.all(
  Array.from({ length: WRITERS }, async (_, i) => {
    const { id } = await createArticle(editor, { headline: `Soak story ${i}`, standfirst: 'Kept up to date all night.', body: { blocks: [{ type: 'paragraph', content: [{ text: 'First take.' }] }] }, primarySectionId: section.id });
    return id;
  }),
);
// Written before the server starts: two processes writing one SQLite file would meet SQLITE_BUSY.
const token = await createSession(editor.userId);
const heap = values['heap-mb'] ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=${Number(values['heap-mb'])}`.trim() } : undefined;
const server = await startServerProcess({ databaseUrl: site.databaseUrl, mediaDir: site.mediaDir, env: heap });
const pid = server.child.pid!;
const cookie = `${sessionCookieName(server.url)}=${token}`;
const saveId = actionId('app/admin/articles/actions.ts', 'saveArticleAction');

// Warm-up: one pass over the reader URLs, so "start" is the steady state, not an empty cache.
for (const path of paths) await (await fetch(server.url + path)).arrayBuffer();
const rss = { start: rssMb(pid), middle: Number.NaN, end: Number.NaN };
const load = [loadavg()[0]!];
console.log(`Soak: ${SECONDS} s, ${CONNECTIONS - WRITERS} reader connections over ${paths.length} URLs + ${WRITERS} editors saving, against ${server.url} (pid ${pid}${heap ? `, old space capped at ${values['heap-mb']} MB` : ''}). RSS after warm-up ${rss.start.toFixed(0)} MB.`);

const writes = { saves: 0, autosaves: 0, refused: 0, fiveXx: 0, errors: 0 };
let running = true;
async function editorLoop(id: number): Promise<void> {
  let version = (await db().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  for (let n = 0; running; n++) {
    try {
      if (n % 2 === 0) {
        const headline = `Soak story ${id}, take ${n}`;
        const result = await callAction({ baseUrl: server.url, page: `/admin/articles/${id}`, id: saveId, args: [id, {}], fields: { headline, standfirst: 'Kept up to date all night.', body: `Take ${n}. More copy as it comes in.`, primarySectionId: String(section.id), baseVersion: String(version) }, cookie });
        if (result.status >= 500) writes.fiveXx++;
        else if (result.redirect) {
          writes.saves++;
          version++;
        } else writes.refused++;
      } else {
        const response = await fetch(`${server.url}/api/admin/articles/${id}/autosave`, {
          method: 'PUT',
          headers: { Cookie: cookie, Origin: server.url, 'Content-Type': 'application/json' },
          body: JSON.stringify({ baseVersion: version, values: { headline: `Soak story ${id}`, standfirst: `Typing, ${n}` } }),
        });
        await response.arrayBuffer();
        if (response.status >= 500) writes.fiveXx++;
        else if (response.ok) writes.autosaves++;
        else writes.refused++;
      }
    } catch {
      writes.errors++;
    }
  }
}

const sampler = setTimeout(() => {
  rss.middle = rssMb(pid);
  load.push(loadavg()[0]!);
}, (SECONDS * 1000) / 2);
let next = 0;
const readers = autocannon({
  url: server.url,
  connections: CONNECTIONS - WRITERS,
  duration: SECONDS,
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
});
const editors = targets.map((id) => editorLoop(id));
const result = await readers;
running = false;
await Promise.all(editors);
clearTimeout(sampler);
const crashed = server.child.exitCode !== null || server.child.signalCode !== null;
rss.end = crashed ? Number.NaN : rssMb(pid);
load.push(loadavg()[0]!);
await server.stop();
await disconnect();
await site.drop();

const readerFiveXx = result['5xx'];
console.log(`Readers: ${result.requests.total.toLocaleString('en')} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms; 2xx ${result['2xx']}, 3xx ${result['3xx']}, 4xx ${result['4xx']}, 5xx ${readerFiveXx}, errors ${result.errors}, timeouts ${result.timeouts}.`);
console.log(`Editors: ${writes.saves} saves and ${writes.autosaves} autosaves acknowledged, ${writes.refused} refused, ${writes.fiveXx} 5xx, ${writes.errors} network errors.`);
console.log(`Server RSS: start ${rss.start.toFixed(0)} MB, middle ${rss.middle.toFixed(0)} MB, end ${rss.end.toFixed(0)} MB; growth start→end ${(rss.end - rss.start).toFixed(0)} MB, middle→end ${(rss.end - rss.middle).toFixed(0)} MB.`);
console.log(`Machine load average (1 min) at start, middle, end: ${load.map((l) => l.toFixed(1)).join(', ')}.`);
const fiveXx = readerFiveXx + writes.fiveXx;
if (crashed) console.log(`The server died during the soak:\n${server.output().slice(-2000)}`);
console.log(fiveXx === 0 && !crashed ? 'No 5xx: OK.' : `${fiveXx} responses were 5xx${crashed ? ' and the server died' : ''}: FAILED.`);
process.exit(fiveXx === 0 && writes.errors === 0 && !crashed ? 0 : 1);
