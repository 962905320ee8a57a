/**
 * Writes one audit-log row inside the caller's transaction.
 * Private stand-in for the newsroom's lib/audit.ts: swap the body for its function once merged.
 */
import type { Actor } from '../auth/actor';
import type { Prisma, Tx } from '../db';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const json = (value: unknown) => (value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export async function audit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      userId: actor?.userId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId == null ? null : String(entry.entityId),
      summary: entry.summary,
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}
