import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { createTestActor, sessionCount, TEST_PASSWORD } from '../testing/users';
import { disableUser } from '../users';
import { LOGIN_FAILED, signIn } from './login';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import { ACCOUNT_POLICY, delayAfter, IP_POLICY, MemoryRateLimitStore, setRateLimitStore } from './rate-limit';
import { ABSOLUTE_TIMEOUT_MS, actorForSessionToken, createSession, hashSessionToken, IDLE_TIMEOUT_MS } from './session';

const MINUTE = 60_000;

beforeEach(() => setRateLimitStore(new MemoryRateLimitStore()));

describe('passwords', () => {
  it('refuses short and common passwords and welcomes passphrases', () => {
    expect(passwordProblem('short1!')).toMatch(/at least 8/);
    expect(passwordProblem('Password1')).toMatch(/too common/);
    expect(passwordProblem('qwerty 123')).toMatch(/too common/);
    expect(passwordProblem('aaaaaaaaaa')).toMatch(/single character/);
    expect(passwordProblem('jane.doe', { email: 'jane.doe@example.com' })).toMatch(/e-mail/);
    expect(passwordProblem('tamarind monsoon lantern river')).toBeNull();
  });

  it('stores Argon2id hashes that verify only the right password', async () => {
    const stored = await hashPassword('tamarind monsoon lantern');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'tamarind monsoon lantern')).toBe(true);
    expect(await verifyPassword(stored, 'tamarind monsoon lanterns')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
  });
});

describe('sessions', () => {
  it('keeps only a hash of a 256-bit token at rest', async () => {
    const actor = await createTestActor('author');
    const token = await createSession(actor.userId);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const rows = await db().session.findMany({ where: { userId: actor.userId }, select: { tokenHash: true } });
    expect(rows).toEqual([{ tokenHash: hashSessionToken(token) }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await actorForSessionToken(token)).toEqual(actor);
    expect(await actorForSessionToken(`${token}x`)).toBeNull();
  });

  it('ends after the idle timeout, and use keeps it alive', async () => {
    const actor = await createTestActor('editor');
    const start = new Date('2026-11-29T00:00:00Z');
    const token = await createSession(actor.userId, {}, start);
    const used = new Date(start.getTime() + IDLE_TIMEOUT_MS - MINUTE);
    expect(await actorForSessionToken(token, used)).not.toBeNull();
    // Measured from that last use, not from sign-in:
    expect(await actorForSessionToken(token, new Date(used.getTime() + IDLE_TIMEOUT_MS + MINUTE))).toBeNull();
    expect(await sessionCount(actor.userId)).toBe(0);
  });

  it('ends at the absolute timeout however busy it is', async () => {
    const actor = await createTestActor('editor');
    const start = new Date('2026-11-29T00:00:00Z');
    const token = await createSession(actor.userId, {}, start);
    let t = start.getTime();
    while (t < start.getTime() + ABSOLUTE_TIMEOUT_MS - IDLE_TIMEOUT_MS) {
      t += IDLE_TIMEOUT_MS / 2;
      expect(await actorForSessionToken(token, new Date(t))).not.toBeNull();
    }
    expect(await actorForSessionToken(token, new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS))).toBeNull();
  });

  it('issues a fresh token at sign-in and revokes the one the browser held (no fixation)', async () => {
    const actor = await createTestActor('author');
    const planted = await createSession(actor.userId);
    const result = await signIn({ email: actor.email, password: TEST_PASSWORD, ip: '10.0.0.1', previousToken: planted });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token).not.toBe(planted);
    expect(await actorForSessionToken(planted)).toBeNull();
    expect((await actorForSessionToken(result.token))?.userId).toBe(actor.userId);
  });

  it('ends every session of a disabled account, and it cannot sign in again', async () => {
    const admin = await createTestActor('admin');
    const author = await createTestActor('author');
    const token = await createSession(author.userId);
    await disableUser(admin, author.userId);
    expect(await actorForSessionToken(token)).toBeNull();
    expect(await sessionCount(author.userId)).toBe(0);
    const again = await signIn({ email: author.email, password: TEST_PASSWORD, ip: '10.0.0.2' });
    expect(again).toEqual({ ok: false, message: LOGIN_FAILED });
  });
});

describe('sign-in limits', () => {
  it('grows the delay per account past the free attempts', () => {
    expect([1, 3, 4, 5, 6].map((n) => delayAfter(n, ACCOUNT_POLICY))).toEqual([0, 0, 1_000, 2_000, 4_000]);
    expect(delayAfter(40, ACCOUNT_POLICY)).toBe(ACCOUNT_POLICY.maxDelayMs);
  });

  it('locks an account after repeated failures, even against the right password, until the delay passes', async () => {
    const actor = await createTestActor('editor');
    const t0 = Date.parse('2026-11-29T01:00:00Z');
    for (let i = 0; i < ACCOUNT_POLICY.free + 1; i++) {
      const r = await signIn({ email: actor.email, password: 'wrong guess number', ip: `10.1.0.${i}` }, new Date(t0 + i));
      expect(r).toEqual({ ok: false, message: LOGIN_FAILED });
    }
    const locked = await signIn({ email: actor.email.toUpperCase(), password: TEST_PASSWORD, ip: '10.1.1.1' }, new Date(t0 + 10));
    expect(locked.ok).toBe(false);
    expect(!locked.ok && locked.retryAfterSeconds).toBe(1);
    const later = await signIn({ email: actor.email, password: TEST_PASSWORD, ip: '10.1.1.1' }, new Date(t0 + 10 + ACCOUNT_POLICY.baseDelayMs));
    expect(later.ok).toBe(true);
  });

  it('answers an unknown address exactly as a known one, lockout included (no enumeration)', async () => {
    const actor = await createTestActor('author');
    const t0 = Date.parse('2026-11-29T02:00:00Z');
    const run = async (email: string) => {
      const answers = [];
      for (let i = 0; i < ACCOUNT_POLICY.free + 2; i++) answers.push(await signIn({ email, password: 'wrong guess number', ip: `10.2.${email.length}.${i}` }, new Date(t0 + i)));
      return answers;
    };
    expect(await run('nobody-here@example.test')).toEqual(await run(actor.email));
  });

  it('limits one address across many accounts', async () => {
    const t0 = Date.parse('2026-11-29T03:00:00Z');
    for (let i = 0; i < IP_POLICY.free + 1; i++) {
      await signIn({ email: `guess${i}@example.test`, password: 'wrong guess number', ip: '192.0.2.9' }, new Date(t0 + i));
    }
    const actor = await createTestActor('author');
    const blocked = await signIn({ email: actor.email, password: TEST_PASSWORD, ip: '192.0.2.9' }, new Date(t0 + 100));
    expect(blocked.ok).toBe(false);
    const elsewhere = await signIn({ email: actor.email, password: TEST_PASSWORD, ip: '192.0.2.10' }, new Date(t0 + 100));
    expect(elsewhere.ok).toBe(true);
  });
});
