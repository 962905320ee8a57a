/**
 * The permission matrix: every newsroom server action, called directly (no UI), as anonymous,
 * the article's author, another author, an editor and an admin. Each cell asserts allowed or
 * denied, and a denied cell must leave the data untouched. The session is real (a Session row and
 * its cookie); only `next/headers` is replaced, since there is no request outside Next.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from './auth/actor';
import { createArticle, publishArticle, saveArticle, scheduleArticle, submitForReview, trashArticle } from './article-workflow';
import { db } from './db';
import { form, outcomeOf, type Outcome } from './testing/action-outcome';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { signInAs as signInActor } from './testing/next-request';
import { createTestActor, TEST_PASSWORD } from './testing/users';
import { listAuditLog } from './audit';
import { diffRevisions, listRevisions } from './revisions';
import { inviteUser } from './users';
import type { FormState } from './validation/form';

vi.mock('next/headers', () => import('./testing/next-request'));

const articles = await import('@/app/admin/articles/actions');
const users = await import('@/app/admin/users/actions');
const revisionActions = await import('@/app/admin/articles/[id]/revisions/actions');
const revisionsPage = (await import('@/app/admin/articles/[id]/revisions/page')).default;
const auditPage = (await import('@/app/admin/audit/page')).default;

type Who = 'anonymous' | 'author' | 'otherAuthor' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'otherAuthor', 'editor', 'admin'];
const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
let sections: TestSections;

beforeAll(async () => {
  sections = await createTestSections();
  actors.author = await createTestActor('author');
  actors.otherAuthor = await createTestActor('author');
  actors.editor = await createTestActor('editor');
  actors.admin = await createTestActor('admin');
});

const signInAs = (who: Who) => signInActor(who === 'anonymous' ? null : actors[who]);

const articleFields = (headline: string) => ({ headline, standfirst: 'Standfirst', body: 'A paragraph of copy.', primarySectionId: String(sections.news) });

/** An article by `author` in the state the action needs. */
type Setup = () => Promise<number>;
const draft: Setup = async () => (await createArticle(actors.author, articleInput({ primarySectionId: sections.news, headline: `Draft ${Math.random()}` }))).id;
const inReview: Setup = async () => {
  const id = await draft();
  await submitForReview(actors.author, id);
  return id;
};
const published: Setup = async () => {
  const id = await draft();
  await publishArticle(actors.editor, id);
  return id;
};
const scheduled: Setup = async () => {
  const id = await draft();
  await scheduleArticle(actors.editor, id, new Date(Date.now() + 3600_000));
  return id;
};
const trashed: Setup = async () => {
  const id = await draft();
  await trashArticle(actors.editor, id);
  return id;
};
const staged: Setup = async () => {
  const id = await published();
  const { version } = await db().article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  await saveArticle(actors.author, id, articleInput({ primarySectionId: sections.news, headline: 'Staged change' }), { baseVersion: version });
  return id;
};

const EDITORS: Who[] = ['editor', 'admin'];
const OWNER_AND_EDITORS: Who[] = ['author', 'editor', 'admin'];
const STAFF: Who[] = ['author', 'otherAuthor', 'editor', 'admin'];

interface ArticleCase {
  name: string;
  setup: Setup;
  allowed: Who[];
  call: (id: number) => Promise<FormState | void>;
}

const workflow = (intent: string, extra: Record<string, string> = {}) => (id: number) => articles.workflowAction({}, form({ id: String(id), intent, ...extra }));

const ARTICLE_CASES: ArticleCase[] = [
  { name: 'save', setup: draft, allowed: OWNER_AND_EDITORS, call: async (id) => articles.saveArticleAction(id, {}, form({ ...articleFields('Saved headline'), baseVersion: String((await db().article.findUniqueOrThrow({ where: { id } })).version) })) },
  { name: 'submit for review', setup: draft, allowed: OWNER_AND_EDITORS, call: workflow('submit') },
  { name: 'approve', setup: inReview, allowed: EDITORS, call: workflow('approve') },
  { name: 'return to draft', setup: inReview, allowed: EDITORS, call: workflow('return') },
  { name: 'publish now', setup: draft, allowed: EDITORS, call: workflow('publish') },
  { name: 'schedule', setup: draft, allowed: EDITORS, call: workflow('schedule', { scheduledAt: new Date(Date.now() + 7200_000).toISOString() }) },
  { name: 'cancel schedule', setup: scheduled, allowed: EDITORS, call: workflow('unschedule') },
  { name: 'unpublish', setup: published, allowed: EDITORS, call: workflow('unpublish') },
  { name: 'archive', setup: published, allowed: EDITORS, call: workflow('archive') },
  { name: 'trash', setup: draft, allowed: EDITORS, call: workflow('trash') },
  { name: 'restore', setup: trashed, allowed: EDITORS, call: workflow('restore') },
  { name: 'discard staged edit', setup: staged, allowed: OWNER_AND_EDITORS, call: workflow('discard') },
  { name: 'bulk publish', setup: draft, allowed: EDITORS, call: (id) => articles.bulkAction({}, form({ bulkIntent: 'publish', ids: [String(id)] })) },
  { name: 'bulk unpublish', setup: published, allowed: EDITORS, call: (id) => articles.bulkAction({}, form({ bulkIntent: 'unpublish', ids: [String(id)] })) },
  { name: 'bulk trash', setup: draft, allowed: EDITORS, call: (id) => articles.bulkAction({}, form({ bulkIntent: 'trash', ids: [String(id)] })) },
];

async function fingerprint(id: number) {
  return db().article.findUniqueOrThrow({ where: { id }, select: { version: true, publicationState: true, editorialState: true, deletedAt: true, headline: true } });
}

describe('article actions', () => {
  for (const testCase of ARTICLE_CASES) {
    for (const who of WHO) {
      const expected: Outcome = testCase.allowed.includes(who) ? 'allowed' : 'denied';
      it(`${testCase.name} as ${who}: ${expected}`, async () => {
        const id = await testCase.setup();
        const before = await fingerprint(id);
        await signInAs(who);
        expect(await outcomeOf(() => testCase.call(id))).toBe(expected);
        const after = await fingerprint(id);
        if (expected === 'denied') expect(after).toEqual(before);
        else expect(after).not.toEqual(before);
      });
    }
  }

  for (const who of WHO) {
    const expected: Outcome = STAFF.includes(who) ? 'allowed' : 'denied';
    it(`create as ${who}: ${expected}`, async () => {
      await signInAs(who);
      const headline = `Created by ${who} ${Math.random()}`;
      expect(await outcomeOf(() => articles.createArticleAction({}, form(articleFields(headline))))).toBe(expected);
      expect(await db().article.count({ where: { headline } })).toBe(expected === 'allowed' ? 1 : 0);
    });
  }
});

describe('revisions and the audit log', () => {
  /** A draft by `author` with two revisions; returns the article and its first (oldest) revision. */
  const revised = async () => {
    const id = await draft();
    const { version } = await fingerprint(id);
    await saveArticle(actors.author, id, articleInput({ primarySectionId: sections.news, headline: 'Revised headline', bylinePersonIds: [actors.author.personId!] }), { baseVersion: version });
    const [first, second] = await db().revision.findMany({ where: { articleId: id }, orderBy: { id: 'asc' }, select: { id: true } });
    return { id, first: first!.id, second: second!.id };
  };

  /** A page renders (allowed) or sends the visitor away: to sign in, to the dashboard, or a 404 (denied). */
  async function pageOutcome(render: () => Promise<unknown>): Promise<Outcome> {
    try {
      await render();
      return 'allowed';
    } catch (error) {
      const digest = (error as { digest?: unknown }).digest;
      if (typeof digest === 'string' && /^NEXT_REDIRECT;[^;]*;\/admin(\/login|\?denied=1);|^NEXT_HTTP_ERROR_FALLBACK;404$/.test(digest)) return 'denied';
      throw error;
    }
  }

  /** The lib call as an actor; anonymous has no actor, so it passes none. */
  async function libOutcome(who: Who, call: (actor: Actor) => Promise<unknown>): Promise<Outcome> {
    try {
      await call(who === 'anonymous' ? (null as unknown as Actor) : actors[who]);
      return 'allowed';
    } catch (error) {
      if (error instanceof Error && /Authorization|Authentication/.test(error.name)) return 'denied';
      throw error;
    }
  }

  for (const who of WHO) {
    const ownerOrEditor: Outcome = OWNER_AND_EDITORS.includes(who) ? 'allowed' : 'denied';
    const adminOnly: Outcome = who === 'admin' ? 'allowed' : 'denied';

    it(`revisions page (list and diff) as ${who}: ${ownerOrEditor}`, async () => {
      const { id, first, second } = await revised();
      await signInAs(who);
      const params = Promise.resolve({ id: String(id) });
      expect(await pageOutcome(() => revisionsPage({ params, searchParams: Promise.resolve({ from: String(first), to: String(second) }) }))).toBe(ownerOrEditor);
    });

    it(`list and diff revisions (lib) as ${who}: ${ownerOrEditor}`, async () => {
      const { id, first, second } = await revised();
      expect(await libOutcome(who, (actor) => listRevisions(actor, id))).toBe(ownerOrEditor);
      expect(await libOutcome(who, (actor) => diffRevisions(actor, id, first, second))).toBe(ownerOrEditor);
    });

    it(`restore a revision as ${who}: ${ownerOrEditor}`, async () => {
      const { id, first } = await revised();
      const before = await fingerprint(id);
      await signInAs(who);
      const call = () => revisionActions.restoreRevisionAction({}, form({ articleId: String(id), revisionId: String(first), baseVersion: String(before.version) }));
      expect(await outcomeOf(call)).toBe(ownerOrEditor);
      const after = await fingerprint(id);
      if (ownerOrEditor === 'denied') expect(after).toEqual(before);
      else expect(after).toMatchObject({ version: before.version + 1, headline: expect.stringMatching(/^Draft /) });
    });

    it(`audit log page as ${who}: ${adminOnly}`, async () => {
      await signInAs(who);
      expect(await pageOutcome(() => auditPage({ searchParams: Promise.resolve({ entityType: 'article' }) }))).toBe(adminOnly);
      expect(await libOutcome(who, (actor) => listAuditLog(actor))).toBe(adminOnly);
    });
  }
});

describe('user actions', () => {
  /** A throw-away account for each cell, so cells do not disturb one another. */
  const target = () => createTestActor('author', { withPerson: false });
  const user = (id: number) => db().user.findUniqueOrThrow({ where: { id }, select: { role: true, disabledAt: true, passwordHash: true } });

  /** Each case runs its action and reports whether the data changed. */
  const USER_CASES: { name: string; run: () => Promise<{ outcome: Outcome; changed: boolean }> }[] = [
    {
      name: 'invite',
      run: async () => {
        const email = `invitee-${Math.random()}@example.test`;
        const outcome = await outcomeOf(() => users.inviteAction({}, form({ email, role: 'author' })));
        return { outcome, changed: (await db().invitation.count({ where: { email } })) === 1 };
      },
    },
    {
      name: 'change role',
      run: async () => {
        const { userId } = await target();
        const outcome = await outcomeOf(() => users.changeRoleAction({}, form({ userId: String(userId), role: 'editor' })));
        return { outcome, changed: (await user(userId)).role === 'editor' };
      },
    },
    {
      name: 'disable',
      run: async () => {
        const { userId } = await target();
        const outcome = await outcomeOf(() => users.setDisabledAction({}, form({ userId: String(userId), disable: '1' })));
        return { outcome, changed: (await user(userId)).disabledAt !== null };
      },
    },
    {
      name: 'reset password',
      run: async () => {
        const { userId } = await target();
        const before = (await user(userId)).passwordHash;
        const outcome = await outcomeOf(() => users.resetPasswordAction({}, form({ userId: String(userId), password: 'brand new passphrase here' })));
        return { outcome, changed: (await user(userId)).passwordHash !== before };
      },
    },
    {
      name: 'revoke invitation',
      run: async () => {
        const email = `revoke-${Math.random()}@example.test`;
        const { invitationId } = await inviteUser(actors.admin, { email, role: 'author' });
        const outcome = await outcomeOf(() => users.revokeInvitationAction({}, form({ invitationId: String(invitationId) })));
        return { outcome, changed: (await db().invitation.count({ where: { email } })) === 0 };
      },
    },
  ];

  for (const testCase of USER_CASES) {
    for (const who of WHO) {
      const expected: Outcome = who === 'admin' ? 'allowed' : 'denied';
      it(`${testCase.name} as ${who}: ${expected}`, async () => {
        await signInAs(who);
        expect(await testCase.run()).toEqual({ outcome: expected, changed: expected === 'allowed' });
      });
    }
  }

  for (const who of WHO) {
    const expected: Outcome = STAFF.includes(who) ? 'allowed' : 'denied';
    it(`change own password as ${who}: ${expected}`, async () => {
      await signInAs(who);
      const next = `fresh passphrase ${Math.random()}`;
      const outcome = await outcomeOf(() => users.changePasswordAction({}, form({ current: TEST_PASSWORD, password: next, confirm: next })));
      expect(outcome).toBe(expected);
      if (who !== 'anonymous') {
        // Put it back so the shared actors keep the fixture password.
        await users.changePasswordAction({}, form({ current: next, password: TEST_PASSWORD, confirm: TEST_PASSWORD }));
      }
    });
  }
});
