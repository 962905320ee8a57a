/** Test fixtures: staff accounts and the Actor objects the data layer expects. */
import type { Actor, Role } from '../auth/actor';
import { db, write } from '../db';
import { hashPassword } from '../auth/password';

export const TEST_PASSWORD = 'a long enough test passphrase';

let cachedHash: Promise<string> | undefined;
let counter = 0;

/** Creates a user (optionally linked to a new byline person) and returns its Actor. */
export async function createTestActor(role: Role, options: { withPerson?: boolean; email?: string; name?: string } = {}): Promise<Actor> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = await cachedHash;
  const n = ++counter;
  const email = options.email ?? `${role}${n}-${process.pid}@example.test`;
  const name = options.name ?? `Test ${role} ${n}`;
  return write(async (tx) => {
    const user = await tx.user.create({ data: { email, name, role, passwordHash }, select: { id: true } });
    let personId: number | null = null;
    if (options.withPerson ?? true) {
      const person = await tx.person.create({ data: { slug: `test-person-${user.id}-${process.pid}`, name, userId: user.id }, select: { id: true } });
      personId = person.id;
    }
    return { userId: user.id, role, name, email, personId };
  });
}

export async function sessionCount(userId: number): Promise<number> {
  return db().session.count({ where: { userId } });
}
