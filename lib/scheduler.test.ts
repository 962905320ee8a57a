import { describe, expect, it } from 'vitest';
import { createArticle, scheduleArticle } from './article-workflow';
import { createSession } from './auth/session';
import { db } from './db';
import { runDueJobs } from './scheduler';
import { articleInput, createTestSections } from './testing/content';
import { createTestActor, sessionCount } from './testing/users';

describe('scheduler', () => {
  it('catches up on articles that fell due while it was not running, and purges expired sessions', async () => {
    const sections = await createTestSections();
    const editor = await createTestActor('editor');
    const scheduledAt = new Date(Date.now() + 60_000);
    const ids = [];
    for (const headline of ['First overnight story', 'Second overnight story']) {
      const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline }));
      await scheduleArticle(editor, id, scheduledAt);
      ids.push(id);
    }
    await createSession(editor.userId, {}, new Date(Date.now() - 30 * 24 * 3600_000));
    expect(await sessionCount(editor.userId)).toBe(1);
    // "Downtime": the first pass after the server comes back, hours after the set time.
    const report = await runDueJobs(new Date(scheduledAt.getTime() + 6 * 3600_000));
    expect(report.publishedArticleIds.sort()).toEqual(ids.sort());
    expect(report.purgedSessions).toBe(1);
    expect(await db().article.count({ where: { id: { in: ids }, publicationState: 'published' } })).toBe(2);
  });
});
