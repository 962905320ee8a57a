/**
 * Crash safety of the real server: editors create articles, save them and autosave over HTTP
 * (the server actions and the autosave route, as the newsroom's browser calls them) while the
 * production server is killed with SIGKILL in the middle of the burst. After a restart the
 * database passes SQLite's integrity check, every write the server acknowledged (a redirect from
 * the action, 200 from the autosave) is there, and the text an editor was typing when the server
 * died is offered back on the article's page.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../lib/auth/actor';
import { createArticle } from '../lib/article-workflow';
import { createSession } from '../lib/auth/session';
import { db, sqlitePath } from '../lib/db';
import { sessionCookieName } from '../lib/session-cookie';
import { articleInput, createTestSections, type TestSections } from '../lib/testing/content';
import { actionId, callAction } from '../lib/testing/http-actions';
import { ensureProductionBuild, startServerProcess, type ServerProcess } from '../lib/testing/server-process';
import { createTestActor } from '../lib/testing/users';

const ARTICLES = 'app/admin/articles/actions.ts';
const CREATORS = 4;
const SAVERS = 4;
const AUTOSAVERS = 2;
/** Acknowledged writes to reach before the kill, so the burst is well under way. */
const ACKS_BEFORE_KILL = 40;

let server: ServerProcess;
let editor: Actor;
let sections: TestSections;
let cookie = '';
const saveTargets: number[] = [];
const autosaveTargets: number[] = [];

const env = () => ({ databaseUrl: process.env.DATABASE_URL!, mediaDir: process.env.MEDIA_DIR! });

beforeAll(async () => {
  await ensureProductionBuild();
  // Everything this process writes is written before the server starts: two processes writing
  // one SQLite file at once would meet SQLITE_BUSY, which the server's in-process queue avoids.
  editor = await createTestActor('editor');
  sections = await createTestSections();
  const own = async (label: string) => (await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: label }))).id;
  for (let i = 0; i < SAVERS; i++) saveTargets.push(await own(`Save target ${i}`));
  for (let i = 0; i < AUTOSAVERS; i++) autosaveTargets.push(await own(`Autosave target ${i}`));
  const token = await createSession(editor.userId);
  server = await startServerProcess(env());
  cookie = `${sessionCookieName(server.url)}=${token}`;
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

const fields = (headline: string) => ({ headline, standfirst: 'Filed under deadline.', body: `${headline}. A paragraph written in a hurry.`, primarySectionId: String(sections.news) });

interface Ledger {
  createdAcked: string[];
  /** Per article: the headlines whose save was acknowledged, in order, and the one in flight. */
  saves: Map<number, { acked: string[]; inFlight: string | null }>;
  autosaves: Map<number, { acked: string[]; inFlight: string | null }>;
  failures: string[];
}

function total(ledger: Ledger): number {
  const sum = (m: Ledger['saves']) => [...m.values()].reduce((n, s) => n + s.acked.length, 0);
  return ledger.createdAcked.length + sum(ledger.saves) + sum(ledger.autosaves);
}

describe('SIGKILL in the middle of a burst of editor writes', () => {
  it('loses no acknowledged write and leaves a consistent database', async () => {
    const ledger: Ledger = { createdAcked: [], saves: new Map(), autosaves: new Map(), failures: [] };
    let running = true;
    let url = server.url;

    const creator = async (worker: number) => {
      for (let n = 0; running; n++) {
        const headline = `Burst create ${worker}-${n}`;
        try {
          const result = await callAction({ baseUrl: url, page: '/admin/articles/new', id: actionId(ARTICLES, 'createArticleAction'), args: [{}], fields: fields(headline), cookie });
          if (result.redirect) ledger.createdAcked.push(headline);
          else ledger.failures.push(`${headline}: ${result.status}`);
        } catch {
          return; // the server is gone
        }
      }
    };
    const saver = async (id: number) => {
      const entry = { acked: [] as string[], inFlight: null as string | null };
      ledger.saves.set(id, entry);
      let version = (await db().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
      for (let n = 0; running; n++) {
        const headline = `Burst save ${id}-${n}`;
        entry.inFlight = headline;
        try {
          const result = await callAction({ baseUrl: url, page: `/admin/articles/${id}`, id: actionId(ARTICLES, 'saveArticleAction'), args: [id, {}], fields: { ...fields(headline), baseVersion: String(version) }, cookie });
          if (!result.redirect) {
            ledger.failures.push(`${headline}: ${result.status} ${result.body.slice(-200)}`);
            return;
          }
          entry.acked.push(headline);
          entry.inFlight = null;
          version++;
        } catch {
          return;
        }
      }
    };
    const autosaver = async (id: number) => {
      const entry = { acked: [] as string[], inFlight: null as string | null };
      ledger.autosaves.set(id, entry);
      for (let n = 0; running; n++) {
        const text = `Typed before the crash ${id}-${n}: the council voted`;
        entry.inFlight = text;
        try {
          const response = await fetch(`${url}/api/admin/articles/${id}/autosave`, {
            method: 'PUT',
            headers: { Cookie: cookie, Origin: url, 'Content-Type': 'application/json' },
            body: JSON.stringify({ baseVersion: 1, values: { headline: `Autosave target ${id}`, standfirst: text } }),
          });
          if (response.status !== 200) {
            ledger.failures.push(`autosave ${id}: ${response.status}`);
            return;
          }
          entry.acked.push(text);
          entry.inFlight = null;
        } catch {
          return;
        }
      }
    };

    const workers = [
      ...Array.from({ length: CREATORS }, (_, i) => creator(i)),
      ...saveTargets.map((id) => saver(id)),
      ...autosaveTargets.map((id) => autosaver(id)),
    ];
    const deadline = Date.now() + 120_000;
    while (total(ledger) < ACKS_BEFORE_KILL && ledger.failures.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.kill();
    running = false;
    await Promise.all(workers);
    expect(ledger.failures).toEqual([]);
    expect(total(ledger)).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
    const inFlight = [...ledger.saves.values(), ...ledger.autosaves.values()].filter((e) => e.inFlight).length;
    console.log(`Killed after ${ledger.createdAcked.length} creates, ${[...ledger.saves.values()].reduce((n, e) => n + e.acked.length, 0)} saves and ${[...ledger.autosaves.values()].reduce((n, e) => n + e.acked.length, 0)} autosaves acknowledged; ${inFlight} saves/autosaves in flight.`);

    server = await startServerProcess(env());
    url = server.url;

    if (process.env.DATABASE_URL!.startsWith('file:')) {
      const file = new Database(sqlitePath(process.env.DATABASE_URL!), { readonly: true });
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(file.pragma('foreign_key_check')).toEqual([]);
      file.close();
    }
    const created = new Set((await db().article.findMany({ where: { headline: { startsWith: 'Burst create' } }, select: { headline: true } })).map((a) => a.headline));
    for (const headline of ledger.createdAcked) expect(created.has(headline), headline).toBe(true);
    for (const [id, { acked, inFlight }] of ledger.saves) {
      const row = await db().article.findUniqueOrThrow({ where: { id }, select: { headline: true } });
      // The last acknowledged save, or the one that was in flight when the server died.
      const allowed = [acked.at(-1) ?? `Save target ${saveTargets.indexOf(id)}`, ...(inFlight ? [inFlight] : [])];
      expect(allowed, `article ${id}`).toContain(row.headline);
      const revisions = await db().revision.count({ where: { articleId: id, kind: 'save' } });
      expect(revisions).toBeGreaterThanOrEqual(acked.length + 1);
    }
    for (const [id, { acked, inFlight }] of ledger.autosaves) {
      const row = await db().autosave.findUniqueOrThrow({ where: { articleId_userId: { articleId: id, userId: editor.userId } }, select: { data: true } });
      const standfirst = (row.data as { values: Record<string, string> }).values.standfirst;
      expect([acked.at(-1), inFlight].filter(Boolean), `autosave ${id}`).toContain(standfirst);
    }
    // A burst, a kill and a cold restart of the production server: minutes on a loaded machine.
  }, 300_000);

  it("after the restart the editor's unsaved text is offered back on the article's page", async () => {
    const id = [...(await db().autosave.findMany({ where: { userId: editor.userId }, select: { articleId: true } }))][0]?.articleId;
    expect(id).toBeDefined();
    const row = await db().autosave.findUniqueOrThrow({ where: { articleId_userId: { articleId: id!, userId: editor.userId } }, select: { data: true } });
    const text = (row.data as { values: Record<string, string> }).values.standfirst!;
    const page = await fetch(`${server.url}/admin/articles/${id}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(text.split(':')[0]);
  });
});
