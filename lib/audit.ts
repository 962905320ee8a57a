/**
 * The audit log: who did what to which record, written in the same transaction as the change so
 * the log never claims something that was rolled back (or misses something that was not).
 */
import type { Prisma, Tx } from './db';
import { db } from './db';
import { requireRole, type Actor } from './auth/actor';
import { zonedMidnight } from './format';
import { getSiteSettings } from './settings';
import type { AuditFilter } from './validation/audit';

export interface AuditEntry {
  /** The acting user; null for the system (scheduler, command-line tools). */
  userId: number | null;
  /** Dotted verb, e.g. `article.publish`, `user.disable`, `session.login`. */
  action: string;
  entityType: string;
  entityId?: string | number | null;
  summary: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: entry.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      summary: entry.summary,
      before: entry.before,
      after: entry.after,
    },
  });
}

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  userId: number | null;
  userName: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The `before` cursor of the next, older page; null on the last page. */
  nextBefore: number | null;
}

const PAGE_SIZE = 50;

function dayBounds(day: string, timeZone: string, offsetDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedMidnight(y, m, d + offsetDays, timeZone);
}

/** `article.publish` is one action; `article` or `article.` is every action on articles. */
function actionCondition(action: string): string | { startsWith: string } {
  if (action.includes('.') && !action.endsWith('.')) return action;
  return { startsWith: action.endsWith('.') ? action : `${action}.` };
}

/**
 * Newest first, keyset-paginated by id, filtered by user, entity type, action (exact or prefix)
 * and calendar dates in the site's time zone. Admins only: the log names every account's actions.
 */
export async function listAuditLog(actor: Actor, filter: AuditFilter & { entityId?: string; limit?: number } = {}): Promise<AuditPage> {
  requireRole(actor, 'admin');
  const { timeZone } = await getSiteSettings();
  const limit = Math.min(Math.max(filter.limit ?? PAGE_SIZE, 1), 200);
  const at = {
    ...(filter.from ? { gte: dayBounds(filter.from, timeZone) } : {}),
    ...(filter.to ? { lt: dayBounds(filter.to, timeZone, 1) } : {}),
  };
  const rows = await db().auditLog.findMany({
    where: {
      ...(filter.before ? { id: { lt: filter.before } } : {}),
      ...(filter.userId ? { userId: filter.userId } : {}),
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.entityId ? { entityId: filter.entityId } : {}),
      ...(filter.action ? { action: actionCondition(filter.action) } : {}),
      ...(filter.from || filter.to ? { at } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
    select: { id: true, at: true, action: true, entityType: true, entityId: true, summary: true, userId: true, before: true, after: true, user: { select: { name: true } } },
  });
  const page = rows.slice(0, limit).map(({ user, ...row }) => ({ ...row, userName: user?.name ?? null }));
  return { rows: page, nextBefore: rows.length > limit ? page.at(-1)!.id : null };
}

/** What the filter form offers: the accounts and entity types that appear in the log. */
export async function listAuditFilterOptions(actor: Actor): Promise<{ users: { id: number; name: string }[]; entityTypes: string[] }> {
  requireRole(actor, 'admin');
  const [users, types] = await Promise.all([
    db().user.findMany({ where: { auditEntries: { some: {} } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db().auditLog.groupBy({ by: ['entityType'], orderBy: { entityType: 'asc' } }),
  ]);
  return { users, entityTypes: types.map((t) => t.entityType) };
}
