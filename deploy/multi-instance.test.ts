// Two production instances (ports 3108 and 3109) behind nginx (3190), sharing PostgreSQL and
// Redis, installed by deploy/install.sh in its local mode: what an operator gets from the README.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishArticle, scheduleArticle, unpublishArticle } from '../lib/article-workflow';
import type { Actor } from '../lib/auth/actor';
import { LOGIN_FAILED } from '../lib/auth/login';
import { hashPassword } from '../lib/auth/password';
import { ACCOUNT_POLICY, IP_POLICY } from '../lib/auth/rate-limit';
import { db, write } from '../lib/db';
import { installInvalidationBridge, uninstallInvalidationBridge } from '../lib/invalidation-bridge';
import { createRedisConnection, type Redis } from '../lib/redis';
import { testRedisUrl } from '../lib/testing/redis';
import { VIEWS_PER_IP_PER_MINUTE } from '../lib/views';

const run = promisify(execFile);
const enabled = Boolean(process.env.TEST_DATABASE_URL);
if (!enabled) console.warn('deploy/multi-instance.test.ts skipped: set TEST_DATABASE_URL=postgres://… to run two instances on PostgreSQL and Redis.');

const A = 'http://127.0.0.1:3108';
const B = 'http://127.0.0.1:3109';
const NGINX = 'http://127.0.0.1:3190';
// A Redis database of its own, emptied first, so counters from earlier runs cannot interfere.
const redisUrl = `${testRedisUrl().replace(/\/\d*$/, '')}/3`;
const local = mkdtempSync(join(tmpdir(), 'broadsheet-cluster-'));
const bin = (name: string) => join(local, 'bin', name);
let redis: Redis;
let editor: Actor;

function get(base: string, path: string, init?: RequestInit) {
  return fetch(base + path, { redirect: 'manual', ...init });
}

async function text(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await get(base, path);
  return { status: response.status, body: await response.text() };
}

async function liveArticles(take: number, skip = 0): Promise<Array<{ id: number; path: string; headline: string }>> {
  const rows = await db().article.findMany({
    where: { publicationState: 'published', deletedAt: null },
    orderBy: { id: 'asc' },
    skip,
    take,
    select: { id: true, slug: true, headline: true, topSection: { select: { slug: true } } },
  });
  return rows.map((row) => ({ id: row.id, path: `/${row.topSection.slug}/${row.slug}`, headline: row.headline }));
}

const livePath = async () => (await liveArticles(1))[0]!;

const READER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

const decodeEntities = (value: string) =>
  value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, name: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#x27': "'", '#39': "'" })[name]!);

type SignInOutcome = 'signed in' | 'wrong password' | 'too many attempts';

/**
 * Signs in through the newsroom's form as a browser without JavaScript does: the form's hidden
 * server-action fields plus e-mail and password, posted to the login page of instance `base`,
 * from client address `ip` (the instances believe X-Forwarded-For from loopback, as from nginx).
 */
const loginForms = new Map<string, Promise<string>>();

async function signInThrough(base: string, email: string, password: string, ip: string): Promise<SignInOutcome> {
  return (await signIn(base, email, password, ip)).outcome;
}

/** Hidden fields (the server action's id and bound state) of the first form matching `formTag`, plus `fields`. */
function formData(html: string, formTag: RegExp, fields: Record<string, string>): FormData {
  const start = html.search(formTag);
  if (start < 0) throw new Error(`no form matching ${formTag} in the page`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const data = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/?>/g)) data.append(decodeEntities(name!), decodeEntities(value ?? ''));
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function signIn(base: string, email: string, password: string, ip: string): Promise<{ outcome: SignInOutcome; cookie?: string }> {
  // The form's hidden fields name the action; they are the same on every request to one build.
  if (!loginForms.has(base)) loginForms.set(base, get(base, '/admin/login').then((r) => r.text()));
  const form = formData(await loginForms.get(base)!, /<form\b/, { email, password });
  const response = await get(base, '/admin/login', { method: 'POST', body: form, headers: { origin: base, 'x-forwarded-for': ip, 'user-agent': READER_AGENT } });
  const body = await response.text();
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status === 303 && cookie) return { outcome: 'signed in', cookie };
  if (body.includes('Too many attempts')) return { outcome: 'too many attempts' };
  if (body.includes(LOGIN_FAILED)) return { outcome: 'wrong password' };
  throw new Error(`unexpected answer to a sign-in on ${base}: ${response.status} ${body.slice(0, 300)}`);
}

async function viewsOf(articleId: number): Promise<number> {
  const { _sum } = await db().viewBucket.aggregate({ where: { articleId }, _sum: { count: true } });
  return _sum.count ?? 0;
}

function instancePid(port: number): number {
  return Number(readFileSync(join(local, 'run', `instance-${port}.pid`), 'utf8'));
}

describe.skipIf(!enabled)('two production instances sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    redis = createRedisConnection(redisUrl);
    await redis.flushdb();
    mkdirSync(join(local, 'etc'), { recursive: true });
    // Short job leases so a killed instance's scheduled publishing is taken over within seconds.
    writeFileSync(
      join(local, 'etc/broadsheet.env'),
      [`DATABASE_URL=${process.env.DATABASE_URL}`, `REDIS_URL=${redisUrl}`, `SITE_URL=${NGINX}`, `MEDIA_DIR=${join(local, 'media')}`, 'JOB_LEASE_SECONDS=5', 'TRUST_PROXY=127.0.0.1', ''].join('\n'),
    );
    try {
      await run(
        'bash',
        ['deploy/install.sh', '--local', local, '--instances', '2', '--first-port', '3108', '--listen', '3190', '--demo', '80', '--database-url', process.env.DATABASE_URL!, '--redis-url', redisUrl],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      throw new Error(`install.sh failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
    }
    // The test process is the newsroom's write path (the admin's article screens are not built
    // yet): its lib/ calls invalidate through Redis exactly as an instance's server actions do.
    installInvalidationBridge(redis, redisUrl);
    const user = await write((tx) => tx.user.create({ data: { email: 'night-editor@example.org', name: 'Night Editor', role: 'editor' } }));
    editor = { userId: user.id, role: 'editor', name: user.name, email: user.email, personId: null };
  }, 900_000);

  afterAll(async () => {
    await run(bin('stop-all'), []).catch(() => undefined);
    await uninstallInvalidationBridge();
    await redis?.quit();
    rmSync(local, { recursive: true, force: true });
  }, 60_000);

  it('answers ready on both instances and through nginx', async () => {
    for (const base of [A, B, NGINX]) {
      const response = await get(base, '/api/ready');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ready: true, checks: { database: true, migrations: true, redis: true } });
    }
  });

  it('serves a publication on both instances’ next request, and 410 on both after unpublishing', async () => {
    const article = await livePath();
    await unpublishArticle(editor, article.id);
    // Both instances now hold the 410 for it; read twice so the answer comes from their caches.
    for (const base of [A, B, A, B]) expect((await get(base, article.path)).status).toBe(410);

    await publishArticle(editor, article.id);
    const onB = await text(B, article.path);
    expect(onB.status).toBe(200);
    expect(onB.body).toContain(article.headline);
    expect((await text(A, article.path)).status).toBe(200);
    // Cached again on both…
    expect((await get(A, article.path)).headers.get('x-cache')).toBe('HIT');
    expect((await get(B, article.path)).headers.get('x-cache')).toBe('HIT');

    await unpublishArticle(editor, article.id);
    // …and gone from both on the very next request.
    expect((await get(A, article.path)).status).toBe(410);
    expect((await get(B, article.path)).status).toBe(410);
    await publishArticle(editor, article.id);
  });

  it('publishes through one instance’s newsroom and unpublishes through the other’s, over HTTP', async () => {
    const email = 'duty-editor@example.org';
    const password = 'a long enough duty-desk passphrase';
    await write(async (tx) => tx.user.create({ data: { email, name: 'Duty Editor', role: 'editor', passwordHash: await hashPassword(password) } }));
    const session = async (base: string) => {
      const { outcome, cookie } = await signIn(base, email, password, '192.0.2.200');
      expect(outcome).toBe('signed in');
      return cookie!;
    };
    const [onA, onB] = [await session(A), await session(B)];
    /** Presses a button of the article's Workflow form in the newsroom of `base`, as a browser without JavaScript does. */
    const press = async (base: string, cookie: string, id: number, intent: string) => {
      const page = await (await get(base, `/admin/articles/${id}`, { headers: { cookie } })).text();
      const form = formData(page, /<form\b[^>]*aria-label="Workflow"/, { intent });
      const response = await get(base, `/admin/articles/${id}`, { method: 'POST', body: form, headers: { cookie, origin: base } });
      expect(response.status, await response.text().then((t) => t.slice(0, 200))).toBeLessThan(400);
    };
    const article = (await liveArticles(1, 3))[0]!;
    // Both instances have the article cached.
    for (const base of [A, B, A, B]) expect((await get(base, article.path)).status).toBe(200);

    await press(B, onB, article.id, 'unpublish');
    expect((await get(A, article.path)).status).toBe(410);
    expect((await get(B, article.path)).status).toBe(410);

    await press(A, onA, article.id, 'publish');
    const onBAfter = await text(B, article.path);
    expect(onBAfter.status).toBe(200);
    expect(onBAfter.body).toContain(article.headline);
  }, 120_000);

  it('counts failed sign-ins on both instances together: the account, then the address, is locked out on both', async () => {
    const password = 'a long enough night-desk passphrase';
    const email = 'sub-editor@example.org';
    await write(async (tx) => tx.user.create({ data: { email, name: 'Sub Editor', role: 'editor', passwordHash: await hashPassword(password) } }));
    const failures = async (key: string) => Number((await redis.hmget(`broadsheet:ratelimit:login:${key}`, 'count'))[0] ?? 0);

    /**
     * Wrong passwords, alternating between the instances, until the shared count reaches
     * `target`; a refused attempt waits a second and tries again, as a patient attacker would.
     * Past `free` failures each one doubles the wait, so at `free + 5` the lock lasts 16 s:
     * long enough to check both instances on a slow machine.
     */
    async function guessUntil(key: string, target: number, attempt: (i: number) => Promise<SignInOutcome>): Promise<SignInOutcome[]> {
      const answers: SignInOutcome[] = [];
      for (let i = 0; (await failures(key)) < target; i += 1) {
        expect(i, `answers so far: ${answers.join(', ')}`).toBeLessThan(3 * target);
        answers.push(await attempt(i));
        if (answers.at(-1) === 'too many attempts') await new Promise((r) => setTimeout(r, 1_000));
      }
      return answers;
    }

    const account = await guessUntil(`account:${email}`, ACCOUNT_POLICY.free + 5, (i) => signInThrough(i % 2 ? B : A, email, 'wrong guess', '198.51.100.23'));
    console.log(`sign-in answers for one account, alternating A and B: ${account.join(', ')}`);
    // The free failures were answered normally by both instances; every failure either of them
    // saw is in the one shared count.
    expect(account.slice(0, ACCOUNT_POLICY.free)).toEqual(Array(ACCOUNT_POLICY.free).fill('wrong password'));
    expect(await failures(`account:${email}`)).toBe(account.filter((a) => a === 'wrong password').length);
    // Even the right password now waits, on either instance and from any address.
    expect(await signInThrough(A, email, password, '192.0.2.10')).toBe('too many attempts');
    expect(await signInThrough(B, email, password, '192.0.2.11')).toBe('too many attempts');

    // One address trying many accounts: its failures add up across the instances too.
    const spray = await guessUntil('ip:203.0.113.99', IP_POLICY.free + 5, (i) => signInThrough(i % 2 ? B : A, `guess-${i}@example.org`, 'wrong guess', '203.0.113.99'));
    expect(spray.slice(0, IP_POLICY.free)).toEqual(Array(IP_POLICY.free).fill('wrong password'));
    // A fresh account from that address is refused on both; another address is still answered.
    expect(await signInThrough(A, 'someone-new@example.org', 'wrong guess', '203.0.113.99')).toBe('too many attempts');
    expect(await signInThrough(B, 'someone-else@example.org', 'wrong guess', '203.0.113.99')).toBe('too many attempts');
    expect(await signInThrough(B, 'someone-new@example.org', 'wrong guess', '203.0.113.100')).toBe('wrong password');
  }, 240_000);

  it('adds up view beacons from both instances, with one allowance per reader address', async () => {
    const article = (await liveArticles(1, 2))[0]!;
    const before = await viewsOf(article.id);
    const beacon = (base: string, ip: string) =>
      get(base, `/api/views?a=${article.id}`, { method: 'POST', headers: { 'user-agent': READER_AGENT, 'x-forwarded-for': ip } });
    // Ten readers, each seen by both instances…
    for (let reader = 1; reader <= 10; reader += 1) {
      expect((await beacon(A, `192.0.2.${reader}`)).status).toBe(204);
      expect((await beacon(B, `192.0.2.${reader}`)).status).toBe(204);
    }
    // …and one busy address hammering both: one allowance for the minute, not one per instance.
    const busy = '198.51.100.77';
    const minute = () => Math.floor(Date.now() / 60_000);
    const startedIn = minute();
    for (let i = 0; i < VIEWS_PER_IP_PER_MINUTE + 10; i += 1) await beacon(i % 2 ? B : A, busy);
    const expected = 20 + VIEWS_PER_IP_PER_MINUTE;
    // Views are written a few seconds after they are counted, by whichever instance flushes.
    await expect.poll(() => viewsOf(article.id), { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual(before + expected);
    await new Promise((r) => setTimeout(r, 6_000));
    const counted = (await viewsOf(article.id)) - before;
    console.log(`${counted} views counted from 20 reader beacons and ${VIEWS_PER_IP_PER_MINUTE + 10} from one address, over two instances`);
    // Were the allowance per instance, all 40 of the busy address's beacons would count.
    if (minute() === startedIn) expect(counted).toBe(expected);
    else expect(counted).toBeLessThanOrEqual(expected + 10); // a new minute brought a new allowance
  }, 120_000);

  it('publishes every scheduled article exactly once, even when the instance running the job is killed mid-run', async () => {
    const batch = await liveArticles(40, 5);
    for (const article of batch) await unpublishArticle(editor, article.id);
    // All due at one moment shortly after the last one is scheduled (the editor's clock said "in a minute").
    const at = new Date(Date.now() + 1_000);
    for (const article of batch) await scheduleArticle(editor, article.id, at, new Date(at.getTime() - 60_000));
    const ids = batch.map((a) => a.id);
    const published = () => db().article.count({ where: { id: { in: ids }, publicationState: 'published' } });

    // Wait until one instance is part-way through the batch, then kill it without warning.
    await expect.poll(published, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    const lock = await db().jobLock.findUniqueOrThrow({ where: { name: 'publish-scheduled' } });
    const holderPid = Number(lock.holder.split(':')[1]);
    const victim = [3108, 3109].find((port) => instancePid(port) === holderPid);
    expect(victim, `the job's holder ${lock.holder} is one of the instances`).toBeDefined();
    const beforeKill = await published();
    process.kill(holderPid, 'SIGKILL');
    console.log(`killed the instance on port ${victim} after ${beforeKill} of ${ids.length} scheduled articles were published`);
    expect(beforeKill).toBeLessThan(ids.length);

    // The survivor takes the job over once the lease (5 s here) lapses.
    await expect.poll(published, { timeout: 90_000, interval: 250 }).toBe(ids.length);
    const publications = await db().revision.groupBy({ by: ['articleId'], where: { articleId: { in: ids }, kind: 'publish', createdAt: { gte: new Date(at.getTime() - 1_000) } }, _count: true });
    expect(publications.map((p) => p._count)).toEqual(ids.map(() => 1));
    const survivor = victim === 3108 ? B : A;
    for (const article of batch.slice(0, 3)) expect((await get(survivor, article.path)).status).toBe(200);

    await run(bin('start-instance'), [String(victim)]);
    await expect.poll(async () => (await get(victim === 3108 ? A : B, '/api/ready').catch(() => null))?.status, { timeout: 90_000, interval: 250 }).toBe(200);
  }, 240_000);

  it('keeps answering through nginx with zero errors while one instance restarts', async () => {
    const article = await livePath();
    const paths = ['/', article.path, '/api/health'];
    const outcome = { ok: 0, failed: [] as string[] };
    let running = true;
    const worker = async (n: number) => {
      for (let i = 0; running; i++) {
        // Half the requests carry a query nginx has not cached, so they reach an instance.
        const path = `${paths[(n + i) % paths.length]}${i % 2 ? `?r=${n}-${i}` : ''}`;
        try {
          const response = await get(NGINX, path);
          await response.arrayBuffer();
          if (response.status === 200) outcome.ok++;
          else outcome.failed.push(`${response.status} ${path}`);
        } catch (error) {
          outcome.failed.push(`${(error as Error).message} ${path}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, n) => worker(n)));
    await new Promise((r) => setTimeout(r, 1_000));
    await run(bin('stop-instance'), ['3109']);
    await run(bin('start-instance'), ['3109']);
    await expect.poll(async () => (await get(B, '/api/ready').catch(() => null))?.status, { timeout: 60_000, interval: 250 }).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await load;

    console.log(`load through nginx during a restart: ${outcome.ok} responses, ${outcome.failed.length} errors`);
    expect(outcome.failed).toEqual([]);
    // A loaded machine renders slowly; what matters is that requests flowed and none failed.
    expect(outcome.ok).toBeGreaterThan(20);
    expect(readFileSync(join(local, 'log/instance-3109.log'), 'utf8')).toContain('SIGTERM: finishing in-flight requests');
  }, 120_000);
});
