/**
 * The permission matrix for the editor's entry points (issue 8): the autosave route handler (PUT,
 * DELETE) and the image picker's server action, called directly as anonymous, the article's
 * author, another author, an editor and an admin. A denied cell must leave no autosave behind.
 * The session is real; only `next/headers` is replaced, as in permission-matrix.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from './auth/actor';
import { createSession } from './auth/session';
import { createArticle } from './article-workflow';
import { config } from './config';
import { db } from './db';
import { sessionCookieName } from './session-cookie';
import { articleInput, createTestSections } from './testing/content';
import { createTestActor } from './testing/users';

const jar = new Map<string, string>();

vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (options: string | { name: string }) => void jar.delete(typeof options === 'string' ? options : options.name),
  }),
  headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7', 'user-agent': 'vitest' }),
}));

const route = await import('@/app/api/admin/articles/[id]/autosave/route');
const articles = await import('@/app/admin/articles/actions');

type Who = 'anonymous' | 'author' | 'otherAuthor' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'otherAuthor', 'editor', 'admin'];
const OWNER_AND_EDITORS: Who[] = ['author', 'editor', 'admin'];
const STAFF: Who[] = ['author', 'otherAuthor', 'editor', 'admin'];
const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
let newsId: number;

beforeAll(async () => {
  newsId = (await createTestSections()).news;
  actors.author = await createTestActor('author');
  actors.otherAuthor = await createTestActor('author');
  actors.editor = await createTestActor('editor');
  actors.admin = await createTestActor('admin');
});

async function signInAs(who: Who): Promise<void> {
  jar.clear();
  if (who !== 'anonymous') jar.set(sessionCookieName(config().SITE_URL), await createSession(actors[who].userId));
}

const origin = () => new URL(config().SITE_URL).origin;
const context = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });
const put = (id: number, headers: Record<string, string> = { origin: origin() }) =>
  route.PUT(new Request(`${origin()}/api/admin/articles/${id}/autosave`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ baseVersion: 1, values: { headline: 'Autosaved' } }) }), context(id));
const del = (id: number) => route.DELETE(new Request(`${origin()}/api/admin/articles/${id}/autosave`, { method: 'DELETE', headers: { origin: origin() } }), context(id));
const autosaves = (id: number) => db().autosave.count({ where: { articleId: id } });
const draft = async () => (await createArticle(actors.author, articleInput({ primarySectionId: newsId, headline: `Draft ${Math.random()}` }))).id;

describe('autosave route', () => {
  for (const who of WHO) {
    const allowed = OWNER_AND_EDITORS.includes(who);
    it(`PUT as ${who}: ${allowed ? 'allowed' : 'denied'}`, async () => {
      const id = await draft();
      await signInAs(who);
      const response = await put(id);
      expect(response.status).toBe(allowed ? 200 : who === 'anonymous' ? 401 : 403);
      expect(await autosaves(id)).toBe(allowed ? 1 : 0);
    });

    it(`DELETE as ${who}: ${allowed ? 'allowed' : 'denied'}`, async () => {
      const id = await draft();
      await signInAs('author');
      await put(id);
      await signInAs(who);
      const response = await del(id);
      expect(response.status).toBe(allowed ? 204 : who === 'anonymous' ? 401 : 403);
      // Each user removes only their own autosave: the author's stays unless the author removed it.
      expect(await autosaves(id)).toBe(who === 'author' ? 0 : 1);
    });
  }

  it('refuses a cross-site request even from the owner, and answers bad input with 4xx, never 500', async () => {
    const id = await draft();
    await signInAs('author');
    expect((await put(id, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await autosaves(id)).toBe(0);
    const bad = await route.PUT(new Request(`${origin()}/api/admin/articles/${id}/autosave`, { method: 'PUT', headers: { origin: origin() }, body: '{"baseVersion":"x"' }), context(id));
    expect(bad.status).toBe(400);
    const wrong = await route.PUT(new Request(`${origin()}/api/admin/articles/${id}/autosave`, { method: 'PUT', headers: { origin: origin() }, body: JSON.stringify({ baseVersion: 1, values: { headline: 7 } }) }), context(id));
    expect(wrong.status).toBe(422);
    expect((await put(987_654)).status).toBe(404);
    expect((await route.PUT(new Request(`${origin()}/x`, { method: 'PUT', headers: { origin: origin() }, body: '{}' }), { params: Promise.resolve({ id: 'abc' }) })).status).toBe(404);
  });
});

describe('image picker action', () => {
  for (const who of WHO) {
    const allowed = STAFF.includes(who);
    it(`list media as ${who}: ${allowed ? 'allowed' : 'denied'}`, async () => {
      await signInAs(who);
      const result = await articles.listMediaForPickerAction({ q: '', page: 1 });
      if (allowed) expect(result).toHaveProperty('items');
      else expect(result).toEqual({ error: expect.stringMatching(/Sign in again/) });
    });
  }

  it('answers nonsense input with a message', async () => {
    await signInAs('editor');
    expect(await articles.listMediaForPickerAction({ page: -3 })).toHaveProperty('error');
  });
});
