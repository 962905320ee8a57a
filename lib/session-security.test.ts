/**
 * Sessions as an attacker meets them, through the real server actions (only `next/headers` is
 * replaced): a planted session id is never upgraded at sign-in; a session ends at logout, for
 * the other devices at a password change, everywhere at "log out everywhere", at an admin's
 * password reset and when the account is disabled; a demotion takes effect on the next request;
 * repeated failed sign-ins lock the account with a growing delay. The delays' arithmetic and the
 * absence of user enumeration are in lib/auth/auth.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createArticle } from './article-workflow';
import { LOGIN_FAILED } from './auth/login';
import { ACCOUNT_POLICY, MemoryRateLimitStore, setRateLimitStore } from './auth/rate-limit';
import { actorForSessionToken, createSession } from './auth/session';
import { db } from './db';
import { form, outcomeOf } from './testing/action-outcome';
import { articleInput, createTestSections } from './testing/content';
import { holdToken, requestHeaders, sessionToken, signInAs } from './testing/next-request';
import { createTestActor, sessionCount, TEST_PASSWORD } from './testing/users';

vi.mock('next/headers', () => import('./testing/next-request'));

const session = await import('@/app/admin/session-actions');
const users = await import('@/app/admin/users/actions');
const articles = await import('@/app/admin/articles/actions');

let ip = 0;
beforeEach(() => {
  setRateLimitStore(new MemoryRateLimitStore());
  // Each test signs in from its own address, so the per-IP limit of one test never blocks another.
  requestHeaders.set('x-forwarded-for', `198.51.100.${++ip}`);
});

const login = (email: string, password = TEST_PASSWORD) => outcomeOf(() => session.loginAction({}, form({ email, password })));

describe('session fixation', () => {
  it('a session id planted before sign-in is revoked and a fresh one issued', async () => {
    const victim = await createTestActor('editor');
    // The attacker holds a valid session of their own and plants its id in the victim's browser.
    const attacker = await createTestActor('author');
    const planted = await createSession(attacker.userId);
    holdToken(planted);
    expect(await login(victim.email)).toBe('allowed');
    const issued = sessionToken();
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await actorForSessionToken(issued))?.userId).toBe(victim.userId);
    // The planted id opens nothing: neither the victim's account nor the attacker's old session.
    expect(await actorForSessionToken(planted)).toBeNull();
  });

  it('a made-up session id in the cookie is not adopted at sign-in', async () => {
    const victim = await createTestActor('author');
    holdToken('attacker-chosen-session-id-0000000000000');
    expect(await login(victim.email)).toBe('allowed');
    expect(sessionToken()).not.toBe('attacker-chosen-session-id-0000000000000');
    expect(await actorForSessionToken('attacker-chosen-session-id-0000000000000')).toBeNull();
  });

  it('signing in twice from one browser leaves one session, not two', async () => {
    const actor = await createTestActor('author');
    await login(actor.email);
    const first = sessionToken();
    await login(actor.email);
    expect(sessionToken()).not.toBe(first);
    expect(await actorForSessionToken(first)).toBeNull();
    expect(await sessionCount(actor.userId)).toBe(1);
  });
});

describe('sessions end', () => {
  it('at logout: the token stops working and the cookie is cleared', async () => {
    const actor = await createTestActor('editor');
    await login(actor.email);
    const token = sessionToken()!;
    const other = await createSession(actor.userId); // another device stays signed in
    expect(await outcomeOf(() => session.logoutAction())).toBe('allowed');
    expect(sessionToken()).toBeUndefined();
    expect(await actorForSessionToken(token)).toBeNull();
    expect(await actorForSessionToken(other)).not.toBeNull();
    // Replaying the old cookie gets no further than an anonymous visitor.
    holdToken(token);
    expect(await outcomeOf(() => articles.createArticleAction({}, form({ headline: 'After logout' })))).toBe('denied');
  });

  it('at a password change, on every other device; this one stays signed in', async () => {
    const actor = await createTestActor('author');
    const phone = await createSession(actor.userId);
    const laptop = await createSession(actor.userId);
    holdToken(laptop);
    const next = 'a brand new passphrase for today';
    expect(await outcomeOf(() => users.changePasswordAction({}, form({ current: TEST_PASSWORD, password: next, confirm: next })))).toBe('allowed');
    expect(await actorForSessionToken(phone)).toBeNull();
    expect((await actorForSessionToken(laptop))?.userId).toBe(actor.userId);
    // The old password opens nothing: the browser still holds only its current session.
    expect(await session.loginAction({}, form({ email: actor.email, password: TEST_PASSWORD }))).toMatchObject({ message: LOGIN_FAILED });
    expect(sessionToken()).toBe(laptop);
  });

  it('at log out everywhere, on every device including this one', async () => {
    const actor = await createTestActor('editor');
    const tokens = [await createSession(actor.userId), await createSession(actor.userId), await createSession(actor.userId)];
    holdToken(tokens[0]);
    expect(await outcomeOf(() => session.logoutEverywhereAction())).toBe('allowed');
    for (const token of tokens) expect(await actorForSessionToken(token)).toBeNull();
    expect(await sessionCount(actor.userId)).toBe(0);
    expect(sessionToken()).toBeUndefined();
  });

  it("at an admin's password reset and when the account is disabled", async () => {
    const admin = await createTestActor('admin');
    const resetUser = await createTestActor('author', { withPerson: false });
    const disabledUser = await createTestActor('editor', { withPerson: false });
    const resetToken = await createSession(resetUser.userId);
    const disabledToken = await createSession(disabledUser.userId);
    await signInAs(admin);
    expect(await outcomeOf(() => users.resetPasswordAction({}, form({ userId: String(resetUser.userId), password: 'reset by the admin today' })))).toBe('allowed');
    expect(await outcomeOf(() => users.setDisabledAction({}, form({ userId: String(disabledUser.userId), disable: '1' })))).toBe('allowed');
    expect(await actorForSessionToken(resetToken)).toBeNull();
    expect(await actorForSessionToken(disabledToken)).toBeNull();
    // The disabled account cannot sign in again, even with the right password.
    holdToken(undefined);
    expect(await session.loginAction({}, form({ email: disabledUser.email, password: TEST_PASSWORD }))).toMatchObject({ message: LOGIN_FAILED });
    expect(sessionToken()).toBeUndefined();
  });

  it("a demoted editor's open session loses the editor's powers on the next request", async () => {
    const admin = await createTestActor('admin');
    const editor = await createTestActor('editor', { withPerson: false });
    const sections = await createTestSections();
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Demotion test' }));
    const editorToken = await createSession(editor.userId);
    await signInAs(admin);
    await users.changeRoleAction({}, form({ userId: String(editor.userId), role: 'author' }));
    holdToken(editorToken);
    expect(await outcomeOf(() => articles.workflowAction({}, form({ id: String(id), intent: 'publish' })))).toBe('denied');
    expect((await db().article.findUniqueOrThrow({ where: { id } })).publicationState).toBe('unpublished');
  });
});

describe('sign-in lockout', () => {
  it('after repeated failures the right password is refused until the growing delay has passed', async () => {
    const actor = await createTestActor('editor');
    holdToken(undefined);
    const messages: string[] = [];
    for (let i = 0; i <= ACCOUNT_POLICY.free; i++) {
      requestHeaders.set('x-forwarded-for', `198.18.0.${i}`); // a botnet: a new address for each guess
      const state = await session.loginAction({}, form({ email: actor.email, password: `guess number ${i}` }));
      messages.push(state.message ?? '');
    }
    expect(new Set(messages).size).toBe(1); // the same answer for each wrong guess
    const locked = await session.loginAction({}, form({ email: actor.email, password: TEST_PASSWORD }));
    expect(locked.message).toMatch(/Too many attempts\. Try again in 1 second/);
    expect(sessionToken()).toBeUndefined();
    // One more failure after the wait doubles it.
    await new Promise((resolve) => setTimeout(resolve, ACCOUNT_POLICY.baseDelayMs + 50));
    await session.loginAction({}, form({ email: actor.email, password: 'yet another guess' }));
    const longer = await session.loginAction({}, form({ email: actor.email, password: TEST_PASSWORD }));
    expect(longer.message).toMatch(/Try again in 2 seconds/);
    expect(sessionToken()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2 * ACCOUNT_POLICY.baseDelayMs + 50));
    expect(await login(actor.email)).toBe('allowed');
    expect(sessionToken()).toBeDefined();
  });
});
