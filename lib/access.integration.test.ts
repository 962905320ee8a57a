/**
 * Access control over HTTP against the real production server (a child process on this file's
 * scratch database): what an intruder with a valid session, or another site, can reach.
 *
 * - IDOR: another author opening, previewing, saving, submitting, discarding or trashing an
 *   article by id through /preview, /admin and the server actions.
 * - CSRF: every server action in the build posted from another origin with an admin's cookie,
 *   the media upload and the newsletter routes; the same-origin controls prove the calls work.
 * - The route-handler matrix: every app route handler as anonymous, author, editor and admin.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './auth/actor';
import { createArticle, publishArticle, saveArticle } from './article-workflow';
import { createSession } from './auth/session';
import { db } from './db';
import { sessionCookieName } from './session-cookie';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { actionId, callAction } from './testing/http-actions';
import { ensureProductionBuild, startServerProcess, type ServerProcess } from './testing/server-process';
import { createTestActor } from './testing/users';

const EVIL = 'https://evil.example';

let server: ServerProcess;
let sections: TestSections;
const actors = {} as Record<'owner' | 'intruder' | 'editor' | 'admin', Actor>;
const cookies = {} as Record<keyof typeof actors, string>;
let png: Buffer;

beforeAll(async () => {
  await ensureProductionBuild();
  sections = await createTestSections();
  actors.owner = await createTestActor('author');
  actors.intruder = await createTestActor('author');
  actors.editor = await createTestActor('editor');
  actors.admin = await createTestActor('admin');
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } }).png().toBuffer();
  server = await startServerProcess({ databaseUrl: process.env.DATABASE_URL!, mediaDir: process.env.MEDIA_DIR! });
  const name = sessionCookieName(server.url);
  for (const who of Object.keys(actors) as (keyof typeof actors)[]) cookies[who] = `${name}=${await createSession(actors[who].userId)}`;
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

const get = (path: string, cookie?: string) => fetch(server.url + path, { redirect: 'manual', headers: cookie ? { Cookie: cookie } : {} });

const snapshot = (id: number) =>
  db().article.findUniqueOrThrow({ where: { id }, select: { version: true, headline: true, editorialState: true, publicationState: true, stagedCopy: true, deletedAt: true } });

async function ownersDraft(headline: string): Promise<number> {
  return (await createArticle(actors.owner, articleInput({ primarySectionId: sections.news, headline }))).id;
}

const ARTICLES = 'app/admin/articles/actions.ts';

describe("IDOR: another author's article by id, over HTTP", () => {
  it('the preview answers 404 to the intruder, exactly as for an id that does not exist', async () => {
    const headline = 'Preview secret: the mayor resigns';
    const id = await ownersDraft(headline);
    const intruder = await get(`/preview/${id}`, cookies.intruder);
    const missing = await get('/preview/987654321', cookies.intruder);
    expect(intruder.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await intruder.text()).not.toContain('mayor resigns');
    for (const who of ['owner', 'editor', 'admin'] as const) {
      const allowed = await get(`/preview/${id}`, cookies[who]);
      expect(allowed.status, who).toBe(200);
      expect(await allowed.text()).toContain('mayor resigns');
    }
    const anonymous = await get(`/preview/${id}`);
    expect([303, 307]).toContain(anonymous.status);
    expect(anonymous.headers.get('location')).toContain('/admin/login');
  });

  it('the admin edit page answers 404 to the intruder and shows the owner the article', async () => {
    const id = await ownersDraft('Edit page secret: budget leak');
    const intruder = await get(`/admin/articles/${id}`, cookies.intruder);
    expect(intruder.status).toBe(404);
    expect(await intruder.text()).not.toContain('budget leak');
    const owner = await get(`/admin/articles/${id}`, cookies.owner);
    expect(owner.status).toBe(200);
    expect(await owner.text()).toContain('budget leak');
  });

  it('the article list does not show it to the intruder', async () => {
    const id = await ownersDraft('Listing secret: quarry deal');
    const list = await (await get('/admin/articles?q=quarry', cookies.intruder)).text();
    expect(list).not.toContain('quarry deal');
    expect(list).not.toContain(`/admin/articles/${id}"`);
  });

  const workflow = (intent: string) => ({ id: actionId(ARTICLES, 'workflowAction'), args: [{}], fields: (id: number) => ({ id: String(id), intent }) });
  const ACTION_ATTEMPTS = [
    { name: 'save over it', id: () => actionId(ARTICLES, 'saveArticleAction'), args: (id: number) => [id, {}], fields: async (id: number) => ({ headline: 'Defaced', standfirst: 'x', body: 'Defaced.', primarySectionId: String(sections.news), baseVersion: String((await snapshot(id)).version) }) },
    ...['submit', 'discard', 'trash', 'publish'].map((intent) => ({ name: `${intent} it`, id: () => workflow(intent).id, args: () => [{}], fields: async (id: number) => workflow(intent).fields(id) })),
  ];

  for (const attempt of ACTION_ATTEMPTS) {
    it(`a server action cannot ${attempt.name}; the owner's control call can`, async () => {
      const id = await ownersDraft(`Action target for ${attempt.name}`);
      // A live article with a staged edit, so "discard" has something to discard.
      await publishArticle(actors.editor, id);
      await saveArticle(actors.owner, id, articleInput({ primarySectionId: sections.news, headline: `Staged ${attempt.name}` }), { baseVersion: (await snapshot(id)).version });
      const before = await snapshot(id);
      const result = await callAction({ baseUrl: server.url, page: `/admin/articles/${id}`, id: attempt.id(), args: attempt.args(id), fields: await attempt.fields(id), cookie: cookies.intruder });
      expect(result.redirect).toBeNull();
      expect(result.body).toMatch(/only work on their own|permission/);
      expect(await snapshot(id)).toEqual(before);
    });
  }

  it("the autosave route refuses to write or discard the intruder's text on it", async () => {
    const id = await ownersDraft('Autosave target');
    const put = (cookie: string, origin = server.url) =>
      fetch(`${server.url}/api/admin/articles/${id}/autosave`, { method: 'PUT', headers: { Cookie: cookie, Origin: origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ baseVersion: 1, values: { headline: 'Planted' } }) });
    expect((await put(cookies.intruder)).status).toBe(403);
    expect(await db().autosave.count({ where: { articleId: id } })).toBe(0);
    expect((await put(cookies.owner)).status).toBe(200);
    const del = await fetch(`${server.url}/api/admin/articles/${id}/autosave`, { method: 'DELETE', headers: { Cookie: cookies.intruder, Origin: server.url } });
    expect(del.status).toBe(403);
    expect(await db().autosave.count({ where: { articleId: id } })).toBe(1);
    // And from another site even the owner's own cookie writes nothing.
    expect((await put(cookies.owner, EVIL)).status).toBe(403);
  });

  it('the owner saving through the same call works (the harness reaches the action)', async () => {
    const id = await ownersDraft('Owner control');
    const result = await callAction({
      baseUrl: server.url,
      page: `/admin/articles/${id}`,
      id: actionId(ARTICLES, 'saveArticleAction'),
      args: [id, {}],
      fields: { headline: 'Owner control, saved', standfirst: 'x', body: 'Saved.', primarySectionId: String(sections.news), baseVersion: String((await snapshot(id)).version) },
      cookie: cookies.owner,
    });
    expect(result.redirect).toMatch(new RegExp(`^/admin/articles/${id}\\?saved=1`));
    expect((await snapshot(id)).headline).toBe('Owner control, saved');
  });
});

/** Every server action in the build, from its manifest. */
function allActions(): { filename: string; exportedName: string; id: string }[] {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({ id, filename: entry.filename, exportedName: entry.exportedName }));
}

describe('CSRF: state-changing requests from another origin', () => {
  it('every server action refuses a cross-origin post carrying an admin session', async () => {
    const actions = allActions();
    expect(actions.length).toBeGreaterThan(20);
    const articlesBefore = await db().article.count();
    const refused: string[] = [];
    for (const action of actions) {
      const result = await callAction({ baseUrl: server.url, page: '/admin', id: action.id, args: [{}], fields: { headline: 'Forged', email: 'x@evil.example', role: 'admin' }, cookie: cookies.admin, origin: EVIL });
      if (result.redirect === null && result.status >= 400) refused.push(action.exportedName);
    }
    expect(refused.sort()).toEqual(actions.map((a) => a.exportedName).sort());
    expect(await db().article.count()).toBe(articlesBefore);
  });

  it('a forged create and role change (Origin another site or null) change nothing; the same calls from our origin work', async () => {
    const target = await createTestActor('author', { withPerson: false });
    const forge = (origin: string) => [
      callAction({ baseUrl: server.url, page: '/admin/articles/new', id: actionId(ARTICLES, 'createArticleAction'), args: [{}], fields: { headline: `Made from ${origin}`, standfirst: 'x', body: 'Text.', primarySectionId: String(sections.news) }, cookie: cookies.admin, origin }),
      callAction({ baseUrl: server.url, page: '/admin/users', id: actionId('app/admin/users/actions.ts', 'changeRoleAction'), args: [{}], fields: { userId: String(target.userId), role: origin === EVIL ? 'admin' : 'editor' }, cookie: cookies.admin, origin }),
    ];
    await Promise.all(forge(EVIL));
    await Promise.all(forge('null'));
    expect(await db().article.count({ where: { headline: { startsWith: 'Made from' } } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.userId } })).role).toBe('author');
    const ours = await Promise.all(forge(server.url));
    expect(ours[0]!.redirect).toMatch(/^\/admin\/articles\/\d+\?saved=1/);
    expect(await db().article.count({ where: { headline: `Made from ${server.url}` } })).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.userId } })).role).toBe('editor');
  });

  it('login CSRF: another site cannot sign a browser in to the attacker’s account', async () => {
    const attacker = await createTestActor('author');
    const result = await callAction({ baseUrl: server.url, page: '/admin/login', id: actionId('app/admin/session-actions.ts', 'loginAction'), args: [{}], fields: { email: attacker.email, password: 'a long enough test passphrase' }, origin: EVIL });
    expect(result.redirect).toBeNull();
    expect(result.status).toBeGreaterThanOrEqual(400);
  });

  const upload = (headers: Record<string, string>) => {
    const body = new FormData();
    body.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'photo.png');
    body.append('alt', 'A red square');
    return fetch(`${server.url}/api/admin/media`, { method: 'POST', body, headers: { Cookie: cookies.editor, ...headers } });
  };

  it('the media upload refuses another origin, a missing origin and a cross-site fetch; accepts our own', async () => {
    const before = await db().media.count();
    expect((await upload({ Origin: EVIL })).status).toBe(403);
    expect((await upload({ Referer: `${EVIL}/page` })).status).toBe(403);
    expect((await upload({})).status).toBe(403);
    expect((await upload({ Origin: server.url, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await upload({ Origin: server.url, 'Sec-Fetch-Site': 'same-site' })).status).toBe(403);
    expect(await db().media.count()).toBe(before);
    expect((await upload({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    expect(await db().media.count()).toBe(before + 1);
  });

  const subscribe = (email: string, headers: Record<string, string>) =>
    fetch(`${server.url}/newsletter/subscribe`, { method: 'POST', body: new URLSearchParams({ email }), headers, redirect: 'manual' });

  it('the newsletter sign-up refuses another site; the reader form on our pages works', async () => {
    expect((await subscribe('forged@example.test', { Origin: EVIL })).status).toBe(403);
    expect((await subscribe('forged2@example.test', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect(await db().newsletterSubscriber.count({ where: { email: { startsWith: 'forged' } } })).toBe(0);
    const ours = await subscribe('reader@example.test', { Origin: server.url, 'Sec-Fetch-Site': 'same-origin' });
    expect(ours.status).toBe(303);
    expect(ours.headers.get('location')).toMatch(/\/newsletter\/subscribed$/);
    expect(await db().newsletterSubscriber.count({ where: { email: 'reader@example.test', status: 'subscribed' } })).toBe(1);
  });

  it('unsubscribing needs the secret token: a forged post without it changes nothing', async () => {
    await subscribe('keeper@example.test', { Origin: server.url });
    const forged = await fetch(`${server.url}/newsletter/unsubscribe`, { method: 'POST', body: new URLSearchParams({ token: 'guessed-token-value-000000000000' }), headers: { Origin: EVIL }, redirect: 'manual' });
    expect(forged.headers.get('location')).toMatch(/invalid-link$/);
    expect((await db().newsletterSubscriber.findUniqueOrThrow({ where: { email: 'keeper@example.test' } })).status).toBe('subscribed');
  });
});

type Who = 'anonymous' | 'author' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'editor', 'admin'];

/** Every route handler, by its file, with a request that exercises it. */
interface RouteCase {
  file: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  path: () => string;
  /** Statuses per role; a public route answers everyone alike. */
  expect: Record<Who, number> | 'same for everyone';
}

let publishedPath = '';
let publishedId = 0;
let mediaPath = '';
let ownedId = 0;

const ROUTES: RouteCase[] = [
  { file: 'app/api/health/route.ts', method: 'GET', path: () => '/api/health', expect: 'same for everyone' },
  { file: 'app/api/ready/route.ts', method: 'GET', path: () => '/api/ready', expect: 'same for everyone' },
  { file: 'app/media/[...path]/route.ts', method: 'GET', path: () => mediaPath, expect: 'same for everyone' },
  { file: 'app/media/[...path]/route.ts', method: 'HEAD', path: () => mediaPath, expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/sitemap/route.ts', method: 'GET', path: () => '/sitemap.xml', expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/sitemaps/[name]/route.ts', method: 'GET', path: () => '/sitemaps/sections.xml', expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/news-sitemap/route.ts', method: 'GET', path: () => '/news-sitemap.xml', expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/robots/route.ts', method: 'GET', path: () => '/robots.txt', expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/feed/[format]/[[...scope]]/route.ts', method: 'GET', path: () => '/feed.xml', expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/logo.png/route.ts', method: 'GET', path: () => '/_broadsheet/logo.png', expect: 'same for everyone' },
  { file: 'app/%5Fbroadsheet/social/[file]/route.ts', method: 'GET', path: () => `/_broadsheet/social/${publishedId}-1.png`, expect: 'same for everyone' },
  { file: 'app/(site)/newsletter/subscribe/route.ts', method: 'POST', path: () => '/newsletter/subscribe', expect: 'same for everyone' },
  { file: 'app/(site)/newsletter/unsubscribe/route.ts', method: 'POST', path: () => '/newsletter/unsubscribe', expect: 'same for everyone' },
  { file: 'app/api/admin/media/route.ts', method: 'POST', path: () => '/api/admin/media', expect: { anonymous: 401, author: 201, editor: 201, admin: 201 } },
  // The article belongs to the author; the intruder's refusal is in the IDOR tests below.
  { file: 'app/api/admin/articles/[id]/autosave/route.ts', method: 'PUT', path: () => `/api/admin/articles/${ownedId}/autosave`, expect: { anonymous: 401, author: 200, editor: 200, admin: 200 } },
  { file: 'app/api/admin/articles/[id]/autosave/route.ts', method: 'DELETE', path: () => `/api/admin/articles/${ownedId}/autosave`, expect: { anonymous: 401, author: 204, editor: 204, admin: 204 } },
];

function routeFiles(dir = join(import.meta.dirname, '..', 'app')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === 'route.ts' ? [relative(join(import.meta.dirname, '..'), path)] : [];
  });
}

describe('route handler matrix', () => {
  beforeAll(async () => {
    const { id } = await createArticle(actors.editor, articleInput({ primarySectionId: sections.news, headline: 'Route matrix story' }));
    publishedPath = (await publishArticle(actors.editor, id)).path;
    publishedId = id;
    const media = await db().media.findFirst({ where: { deletedAt: null }, select: { path: true } });
    mediaPath = `/media/${media?.path ?? 'missing.png'}`;
    ownedId = await ownersDraft('Route matrix draft');
  });

  it('lists every route handler in app/', () => {
    expect([...new Set(ROUTES.map((r) => r.file))].sort()).toEqual(routeFiles().sort());
    expect(publishedPath).toMatch(/^\//);
  });

  const request = (route: RouteCase, who: Who) => {
    const headers: Record<string, string> = { Origin: server.url };
    if (who !== 'anonymous') headers.Cookie = cookies[who === 'author' ? 'owner' : who];
    let body: FormData | URLSearchParams | string | undefined;
    if (route.method === 'PUT') {
      body = JSON.stringify({ baseVersion: 1, values: { headline: `Autosaved by ${who}` } });
      headers['Content-Type'] = 'application/json';
    } else if (route.file.includes('api/admin/media')) {
      body = new FormData();
      body.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), `matrix-${who}.png`);
      body.append('alt', 'Matrix');
    } else if (route.method === 'POST') {
      body = new URLSearchParams({ email: `matrix-${who}@example.test`, token: 'no-such-token-000000000000000000' });
    }
    return fetch(server.url + route.path(), { method: route.method, headers, body, redirect: 'manual' });
  };

  for (const route of ROUTES) {
    it(`${route.method} ${route.file}`, async () => {
      const got = {} as Record<Who, number>;
      for (const who of WHO) {
        const response = await request(route, who);
        got[who] = response.status;
        // No route handler hands out or changes a staff session.
        expect(response.headers.get('set-cookie') ?? '', `${who}`).not.toMatch(/broadsheet_session/);
      }
      if (route.expect === 'same for everyone') {
        expect(new Set(Object.values(got)).size, JSON.stringify(got)).toBe(1);
        expect([401, 403]).not.toContain(got.anonymous);
        expect(got.anonymous).toBeLessThan(500);
      } else {
        expect(got).toEqual(route.expect);
      }
    });
  }
});
