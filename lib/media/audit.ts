/**
 * The library's door to the audit log (lib/audit.ts): takes the acting Actor (null for the
 * scheduler) and turns before/after snapshots — which may hold Dates — into plain JSON.
 */
import { audit as writeAudit } from '../audit';
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

const json = (value: unknown) => (value == null ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue));

export async function audit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await writeAudit(tx, { ...entry, userId: actor?.userId ?? null, before: json(entry.before), after: json(entry.after) });
}
