/**
 * The audit log: who did what to which record, written in the same transaction as the change so
 * the log never claims something that was rolled back (or misses something that was not).
 */
import type { Prisma, Tx } from './db';
import { db } from './db';
import { requireRole, type Actor } from './auth/actor';

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
  userName: string | null;
}

/** Newest first, keyset-paginated by id. Admins only: the log names every account's actions. */
export async function listAuditLog(actor: Actor, { before, limit = 50, entityType, entityId }: { before?: number; limit?: number; entityType?: string; entityId?: string } = {}): Promise<AuditRow[]> {
  requireRole(actor, 'admin');
  const rows = await db().auditLog.findMany({
    where: { ...(before ? { id: { lt: before } } : {}), ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) },
    orderBy: { id: 'desc' },
    take: Math.min(Math.max(limit, 1), 200),
    select: { id: true, at: true, action: true, entityType: true, entityId: true, summary: true, user: { select: { name: true } } },
  });
  return rows.map(({ user, ...row }) => ({ ...row, userName: user?.name ?? null }));
}
