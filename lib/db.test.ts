import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db, dbProvider, write } from './db';

describe('the two generated schemas', () => {
  it('differ only in the datasource provider and client output', () => {
    const strip = (file: string) =>
      readFileSync(file, 'utf8')
        .replace(/provider = "(sqlite|postgresql)"/, 'provider = <db>')
        .replace(/output\s*=\s*"[^"]*"/, 'output = <dir>');
    expect(strip('prisma/generated/sqlite.prisma')).toBe(strip('prisma/generated/postgresql.prisma'));
    expect(readFileSync('prisma/generated/postgresql.prisma', 'utf8')).toContain('provider = "postgresql"');
  });
});

describe('database access', () => {
  it('uses the provider named by DATABASE_URL', () => {
    expect(dbProvider()).toBe(process.env.DATABASE_URL!.startsWith('file:') ? 'sqlite' : 'postgresql');
  });

  it('round-trips every model with its relations, JSON and dates', async () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const ids = await write(async (tx) => {
      const user = await tx.user.create({ data: { email: 'rt@example.org', name: 'Round Trip', role: 'editor', passwordHash: 'x' } });
      const session = await tx.session.create({ data: { tokenHash: 'h'.repeat(64), userId: user.id, expiresAt: at } });
      const invitation = await tx.invitation.create({ data: { tokenHash: 'i'.repeat(64), email: 'new@example.org', role: 'author', createdById: user.id, expiresAt: at } });
      const media = await tx.media.create({
        data: { path: 'rt/a.jpg', originalName: 'a.jpg', mimeType: 'image/jpeg', width: 10, height: 5, bytes: 99, focalX: 0.25, variants: [{ width: 480, path: 'rt/a-480.webp' }] },
      });
      const person = await tx.person.create({ data: { slug: 'rt-person', name: 'Ploy', userId: user.id, photoId: media.id, socialLinks: [{ network: 'x', url: 'https://x.com/p' }] } });
      const top = await tx.section.create({ data: { slug: 'rt-news', name: 'News' } });
      const sub = await tx.section.create({ data: { slug: 'rt-local', name: 'Local', parentId: top.id } });
      const tag = await tx.tag.create({ data: { slug: 'rt-floods', name: 'Floods' } });
      const article = await tx.article.create({
        data: {
          slug: 'rt-story',
          headline: 'Héadline ไทย “quoted”',
          body: { blocks: [{ type: 'paragraph', content: [{ text: 'Body' }] }] },
          primarySectionId: sub.id,
          topSectionId: top.id,
          heroImageId: media.id,
          publicationState: 'published',
          publishedAt: at,
          stagedCopy: { headline: 'Staged' },
          isBreaking: true,
          createdById: user.id,
          sections: { create: { sectionId: top.id, publishedAt: at } },
          tags: { create: { tagId: tag.id, publishedAt: at } },
          bylines: { create: { personId: person.id, position: 0, publishedAt: at } },
        },
      });
      await tx.revision.create({ data: { articleId: article.id, kind: 'publish', snapshot: { headline: 'x' }, version: 1, createdById: user.id } });
      await tx.autosave.create({ data: { articleId: article.id, userId: user.id, data: { headline: 'auto' }, baseVersion: 1 } });
      await tx.redirect.create({ data: { fromPath: '/old', toPath: '/rt-news/rt-story' } });
      await tx.page.create({ data: { slug: 'rt-about', title: 'About', body: { blocks: [] } } });
      await tx.siteSettings.create({ data: { name: 'The Test Times', logoId: media.id, sponsoredLinks: [{ label: 'A', url: 'https://a.example' }], breakingExpiresAt: at } });
      await tx.homeSlot.create({ data: { slot: 'lead', position: 0, articleId: article.id } });
      await tx.viewBucket.create({ data: { articleId: article.id, hour: at, count: 3 } });
      await tx.newsletterSubscriber.create({ data: { email: 'reader@example.org', token: 't'.repeat(32) } });
      await tx.auditLog.create({ data: { userId: user.id, action: 'publish', entityType: 'article', entityId: String(article.id), summary: 'Published', before: {}, after: { s: 1 } } });
      await tx.jobLock.create({ data: { name: 'scheduler', holder: 'a', expiresAt: at } });
      return { article: article.id, session: session.id, invitation: invitation.id };
    });

    const article = await db().article.findUniqueOrThrow({
      where: { id: ids.article },
      select: {
        headline: true,
        publishedAt: true,
        isBreaking: true,
        stagedCopy: true,
        body: true,
        heroImage: { select: { focalX: true, variants: true } },
        primarySection: { select: { slug: true, parent: { select: { slug: true } } } },
        tags: { select: { tag: { select: { name: true } }, publishedAt: true } },
        bylines: { select: { person: { select: { name: true, socialLinks: true, user: { select: { role: true } } } } } },
        revisions: { select: { kind: true } },
        autosaves: { select: { data: true } },
        homeSlots: { select: { slot: true } },
        views: { select: { count: true, hour: true } },
      },
    });
    expect(article).toEqual({
      headline: 'Héadline ไทย “quoted”',
      publishedAt: at,
      isBreaking: true,
      stagedCopy: { headline: 'Staged' },
      body: { blocks: [{ type: 'paragraph', content: [{ text: 'Body' }] }] },
      heroImage: { focalX: 0.25, variants: [{ width: 480, path: 'rt/a-480.webp' }] },
      primarySection: { slug: 'rt-local', parent: { slug: 'rt-news' } },
      tags: [{ tag: { name: 'Floods' }, publishedAt: at }],
      bylines: [{ person: { name: 'Ploy', socialLinks: [{ network: 'x', url: 'https://x.com/p' }], user: { role: 'editor' } } }],
      revisions: [{ kind: 'publish' }],
      autosaves: [{ data: { headline: 'auto' } }],
      homeSlots: [{ slot: 'lead' }],
      views: [{ count: 3, hour: at }],
    });
    expect(await db().session.findUniqueOrThrow({ where: { id: ids.session }, select: { expiresAt: true } })).toEqual({ expiresAt: at });
    expect((await db().siteSettings.findUniqueOrThrow({ where: { id: 1 }, select: { sponsoredLinks: true } })).sponsoredLinks).toEqual([{ label: 'A', url: 'https://a.example' }]);
    expect(await db().redirect.count()).toBe(1);
    expect(await db().auditLog.findFirstOrThrow({ select: { after: true } })).toEqual({ after: { s: 1 } });

    // Updates and cascading deletes behave the same on both providers.
    await write((tx) => tx.article.update({ where: { id: ids.article }, data: { version: { increment: 1 } } }));
    expect((await db().article.findUniqueOrThrow({ where: { id: ids.article }, select: { version: true } })).version).toBe(2);
    await write((tx) => tx.user.delete({ where: { email: 'rt@example.org' } }));
    expect(await db().session.count()).toBe(0);
    expect(await db().autosave.count()).toBe(0);
    expect((await db().article.findUniqueOrThrow({ where: { id: ids.article }, select: { createdById: true } })).createdById).toBeNull();
    expect(await db().invitation.findUniqueOrThrow({ where: { id: ids.invitation }, select: { createdById: true } })).toEqual({ createdById: null });
  });

  it('keeps every acknowledged write when many writers run at once', async () => {
    const writers = 50;
    const writesEach = 40;
    const started = performance.now();
    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < writesEach; i++) {
          const email = `w${w}-${i}@example.org`;
          await write((tx) => tx.newsletterSubscriber.create({ data: { email, token: `tok-${w}-${i}` } }));
          acknowledged.push(email);
        }
      }),
    );
    const elapsed = performance.now() - started;
    const stored = await db().newsletterSubscriber.findMany({ where: { email: { startsWith: 'w' } }, select: { email: true } });
    expect(new Set(stored.map((s) => s.email))).toEqual(new Set(acknowledged));
    expect(acknowledged).toHaveLength(writers * writesEach);
    console.log(`${writers} concurrent writers × ${writesEach}: ${acknowledged.length} acknowledged, ${stored.length} stored, ${Math.round(acknowledged.length / (elapsed / 1000))} writes/s`);
  });
});
