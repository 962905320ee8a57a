import { beforeAll, describe, expect, it } from 'vitest';
import { audit, listAuditLog, listAuditFilterOptions } from './audit';
import { AuthorizationError, type Actor } from './auth/actor';
import { write } from './db';
import { createTestActor } from './testing/users';
import { parseAuditFilter } from './validation/audit';

let admin: Actor;
let editor: Actor;

// The site runs on Asia/Bangkok time (UTC+7): a day there starts at 17:00 UTC the day before.
const entries = [
  { action: 'article.save', entityType: 'article', at: '2026-11-01T16:59:00Z' }, // 23:59 on 1 Nov in Bangkok
  { action: 'article.publish', entityType: 'article', at: '2026-11-01T17:00:00Z' }, // midnight starting 2 Nov in Bangkok
  { action: 'tag.create', entityType: 'tag', at: '2026-11-02T12:00:00Z' }, // 2 Nov
  { action: 'session.login', entityType: 'user', at: '2026-11-03T01:00:00Z' }, // 3 Nov
];

beforeAll(async () => {
  admin = await createTestActor('admin');
  editor = await createTestActor('editor');
  await write(async (tx) => {
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, name: 'Test paper', timeZone: 'Asia/Bangkok' }, update: { timeZone: 'Asia/Bangkok' } });
    for (const [i, e] of entries.entries()) {
      await audit(tx, { userId: i % 2 ? editor.userId : admin.userId, action: e.action, entityType: e.entityType, entityId: i, summary: `Entry ${i}` });
    }
    const rows = await tx.auditLog.findMany({ orderBy: { id: 'asc' }, select: { id: true } });
    for (const [i, row] of rows.entries()) await tx.auditLog.update({ where: { id: row.id }, data: { at: new Date(entries[i]!.at) } });
  });
});

const summaries = async (filter: Parameters<typeof listAuditLog>[1]) => (await listAuditLog(admin, filter)).rows.map((r) => r.summary);

describe('the audit log listing', () => {
  it('is for admins only', async () => {
    await expect(listAuditLog(editor)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listAuditFilterOptions(editor)).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('lists newest first with who did it', async () => {
    const { rows } = await listAuditLog(admin);
    expect(rows.map((r) => r.summary)).toEqual(['Entry 3', 'Entry 2', 'Entry 1', 'Entry 0']);
    expect(rows[0]!.userName).toBe(editor.name);
  });

  it('filters by user, entity type and action (exact or a whole family)', async () => {
    expect(await summaries({ userId: editor.userId })).toEqual(['Entry 3', 'Entry 1']);
    expect(await summaries({ entityType: 'article' })).toEqual(['Entry 1', 'Entry 0']);
    expect(await summaries({ action: 'article.publish' })).toEqual(['Entry 1']);
    expect(await summaries({ action: 'article' })).toEqual(['Entry 1', 'Entry 0']);
    // A prefix is a whole word: "art" is not "article".
    expect(await summaries({ action: 'art' })).toEqual([]);
  });

  it('filters by calendar days in the site time zone, both ends included', async () => {
    expect(await summaries({ from: '2026-11-02', to: '2026-11-02' })).toEqual(['Entry 2', 'Entry 1']);
    expect(await summaries({ to: '2026-11-01' })).toEqual(['Entry 0']);
    expect(await summaries({ from: '2026-11-03' })).toEqual(['Entry 3']);
  });

  it('pages with a cursor, without repeats or gaps', async () => {
    const first = await listAuditLog(admin, { limit: 3 });
    expect(first.rows).toHaveLength(3);
    const second = await listAuditLog(admin, { limit: 3, before: first.nextBefore! });
    expect(second.rows.map((r) => r.summary)).toEqual(['Entry 0']);
    expect(second.nextBefore).toBeNull();
  });

  it('offers the users and entity types that occur', async () => {
    const options = await listAuditFilterOptions(admin);
    expect(options.entityTypes).toEqual(['article', 'tag', 'user']);
    expect(options.users.map((u) => u.id).sort()).toEqual([admin.userId, editor.userId].sort());
  });

  it('drops filter values that make no sense instead of failing the page', () => {
    expect(parseAuditFilter({ userId: 'abc', from: '2026-13-45', to: '2026-11-02', action: ['article.save', 'x'], before: '-4' })).toEqual({
      to: '2026-11-02',
      action: 'article.save',
    });
  });
});
