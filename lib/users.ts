/**
 * Staff accounts: the admin's user management, invitations, password changes and the
 * command-line account tools. Every function that the newsroom calls takes the acting `Actor`
 * and checks it; the `…FromCommandLine` functions are for whoever runs commands on the server.
 */
import { createHash, randomBytes } from 'node:crypto';
import { audit } from './audit';
import { requireRole, type Actor, type Role } from './auth/actor';
import { hashPassword, passwordProblem, verifyPassword } from './auth/password';
import { deleteUserSessions } from './auth/session';
import { db, write, type Tx } from './db';
import { emailSchema, nameSchema, roleSchema } from './validation/users';

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

/** A rule about the input was broken; `field` names the form field it belongs to. */
export class UserInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserInputError';
  }
}

export interface UserSummary {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const userSelect = { id: true, email: true, name: true, role: true, disabledAt: true, lastLoginAt: true, createdAt: true } as const;

function toSummary(row: { id: number; email: string; name: string; role: string; disabledAt: Date | null; lastLoginAt: Date | null; createdAt: Date }): UserSummary {
  return { id: row.id, email: row.email, name: row.name, role: row.role as Role, disabled: row.disabledAt !== null, lastLoginAt: row.lastLoginAt, createdAt: row.createdAt };
}

function checkedPassword(password: string, context: { email?: string; name?: string }): string {
  const problem = passwordProblem(password, context);
  if (problem) throw new UserInputError('password', problem);
  return password;
}

function parseOrThrow<T>(field: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new UserInputError(field, result.error.issues[0]?.message ?? 'Invalid value.');
  return result.data;
}

async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw new UserInputError('email', 'An account with this e-mail address already exists.');
}

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/**
 * Creates an account without an acting user: `npm run admin:create`, run by whoever controls the
 * server. In the newsroom, admins invite people instead ({@link inviteUser}).
 */
export async function createUserFromCommandLine(input: NewAccount): Promise<UserSummary> {
  const email = parseOrThrow('email', emailSchema, input.email);
  const name = parseOrThrow('name', nameSchema, input.name);
  const role = parseOrThrow('role', roleSchema, input.role);
  const passwordHash = await hashPassword(checkedPassword(input.password, { email, name }));
  return write(async (tx) => {
    await assertEmailFree(tx, email);
    const user = await tx.user.create({ data: { email, name, role, passwordHash }, select: userSelect });
    await audit(tx, { userId: null, action: 'user.create', entityType: 'user', entityId: user.id, summary: `Created ${email} (${role}) from the command line` });
    return toSummary(user);
  });
}

/** Sets a new password from the command line (`npm run admin:reset-password`) and ends the user's sessions. */
export async function resetPasswordFromCommandLine(email: string, password: string): Promise<UserSummary> {
  const address = parseOrThrow('email', emailSchema, email);
  const existing = await db().user.findUnique({ where: { email: address }, select: userSelect });
  if (!existing) throw new UserInputError('email', `No account has the e-mail address ${address}.`);
  const passwordHash = await hashPassword(checkedPassword(password, { email: address, name: existing.name }));
  await write(async (tx) => {
    await tx.user.update({ where: { id: existing.id }, data: { passwordHash } });
    await deleteUserSessions(tx, existing.id);
    await audit(tx, { userId: null, action: 'user.reset-password', entityType: 'user', entityId: existing.id, summary: `Password of ${address} reset from the command line` });
  });
  return toSummary(existing);
}

export async function listUsers(actor: Actor): Promise<UserSummary[]> {
  requireRole(actor, 'admin');
  const rows = await db().user.findMany({ orderBy: [{ disabledAt: 'asc' }, { name: 'asc' }], select: userSelect });
  return rows.map(toSummary);
}

export interface PendingInvitation {
  id: number;
  email: string;
  role: Role;
  expiresAt: Date;
}

export async function listPendingInvitations(actor: Actor, now = new Date()): Promise<PendingInvitation[]> {
  requireRole(actor, 'admin');
  const rows = await db().invitation.findMany({
    where: { acceptedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Invites a new member of staff. Returns the token for the acceptance link (`/admin/invite/<token>`);
 * only its hash is stored. A new invitation to the same address replaces any pending one.
 */
export async function inviteUser(actor: Actor, input: { email: string; role: Role }, now = new Date()): Promise<{ token: string; invitationId: number }> {
  requireRole(actor, 'admin');
  const email = parseOrThrow('email', emailSchema, input.email);
  const role = parseOrThrow('role', roleSchema, input.role);
  const token = randomBytes(32).toString('base64url');
  const invitationId = await write(async (tx) => {
    await assertEmailFree(tx, email);
    await tx.invitation.deleteMany({ where: { email, acceptedAt: null } });
    const invitation = await tx.invitation.create({
      data: { email, role, tokenHash: hashInvitationToken(token), createdById: actor.userId, createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) },
      select: { id: true },
    });
    await audit(tx, { userId: actor.userId, action: 'user.invite', entityType: 'invitation', entityId: invitation.id, summary: `Invited ${email} as ${role}` });
    return invitation.id;
  });
  return { token, invitationId };
}

export async function revokeInvitation(actor: Actor, invitationId: number): Promise<void> {
  requireRole(actor, 'admin');
  await write(async (tx) => {
    const { count } = await tx.invitation.deleteMany({ where: { id: invitationId, acceptedAt: null } });
    if (count) await audit(tx, { userId: actor.userId, action: 'user.revoke-invitation', entityType: 'invitation', entityId: invitationId, summary: 'Revoked an invitation' });
  });
}

/** The pending invitation a link stands for, or null when it is unknown, used or expired. */
export async function findInvitation(token: string, now = new Date()): Promise<{ email: string; role: Role } | null> {
  if (!token || token.length > 200) return null;
  const row = await db().invitation.findUnique({ where: { tokenHash: hashInvitationToken(token) }, select: { email: true, role: true, acceptedAt: true, expiresAt: true } });
  if (!row || row.acceptedAt || row.expiresAt <= now) return null;
  return { email: row.email, role: row.role as Role };
}

/** Turns an invitation into an account. The caller signs the new user in. */
export async function acceptInvitation(token: string, input: { name: string; password: string }, now = new Date()): Promise<UserSummary> {
  const invitation = await findInvitation(token, now);
  if (!invitation) throw new UserInputError('token', 'This invitation has expired or was already used. Ask an admin for a new one.');
  const name = parseOrThrow('name', nameSchema, input.name);
  const passwordHash = await hashPassword(checkedPassword(input.password, { email: invitation.email, name }));
  return write(async (tx) => {
    // Claimed inside the transaction, so two submissions of one link cannot make two accounts.
    const claimed = await tx.invitation.updateMany({ where: { tokenHash: hashInvitationToken(token), acceptedAt: null }, data: { acceptedAt: now } });
    if (claimed.count !== 1) throw new UserInputError('token', 'This invitation was already used.');
    await assertEmailFree(tx, invitation.email);
    const user = await tx.user.create({ data: { email: invitation.email, name, role: invitation.role, passwordHash }, select: userSelect });
    await audit(tx, { userId: user.id, action: 'user.accept-invitation', entityType: 'user', entityId: user.id, summary: `${invitation.email} joined as ${invitation.role}` });
    return toSummary(user);
  });
}

async function loadUser(tx: Tx, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user) throw new UserInputError('user', 'No such user.');
  return user;
}

/** The newsroom must keep at least one active admin, or nobody could manage accounts again. */
async function assertAnotherActiveAdmin(tx: Tx, userId: number): Promise<void> {
  const others = await tx.user.count({ where: { role: 'admin', disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new UserInputError('role', 'This is the last active admin. Make someone else an admin first.');
}

export async function changeUserRole(actor: Actor, userId: number, role: Role): Promise<void> {
  requireRole(actor, 'admin');
  const next = parseOrThrow('role', roleSchema, role);
  await write(async (tx) => {
    const user = await loadUser(tx, userId);
    if (user.role === next) return;
    if (user.role === 'admin') await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role: next } });
    await audit(tx, { userId: actor.userId, action: 'user.role', entityType: 'user', entityId: userId, summary: `${user.email}: ${user.role} → ${next}`, before: { role: user.role }, after: { role: next } });
  });
}

/** Disabling ends every session of the user at once; their articles and bylines stay. */
export async function disableUser(actor: Actor, userId: number, now = new Date()): Promise<void> {
  requireRole(actor, 'admin');
  if (userId === actor.userId) throw new UserInputError('user', 'You cannot disable your own account.');
  await write(async (tx) => {
    const user = await loadUser(tx, userId);
    if (user.disabledAt) return;
    if (user.role === 'admin') await assertAnotherActiveAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { disabledAt: now } });
    await deleteUserSessions(tx, userId);
    await tx.invitation.deleteMany({ where: { createdById: userId, acceptedAt: null } });
    await audit(tx, { userId: actor.userId, action: 'user.disable', entityType: 'user', entityId: userId, summary: `Disabled ${user.email}` });
  });
}

export async function enableUser(actor: Actor, userId: number): Promise<void> {
  requireRole(actor, 'admin');
  await write(async (tx) => {
    const user = await loadUser(tx, userId);
    if (!user.disabledAt) return;
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    await audit(tx, { userId: actor.userId, action: 'user.enable', entityType: 'user', entityId: userId, summary: `Re-enabled ${user.email}` });
  });
}

/** An admin sets a new password for someone else; that person's sessions end. */
export async function resetUserPassword(actor: Actor, userId: number, password: string): Promise<void> {
  requireRole(actor, 'admin');
  const user = await db().user.findUnique({ where: { id: userId }, select: userSelect });
  if (!user) throw new UserInputError('user', 'No such user.');
  const passwordHash = await hashPassword(checkedPassword(password, { email: user.email, name: user.name }));
  await write(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await deleteUserSessions(tx, userId);
    await audit(tx, { userId: actor.userId, action: 'user.reset-password', entityType: 'user', entityId: userId, summary: `Reset the password of ${user.email}` });
  });
}

/**
 * Anyone changes their own password by proving the current one. Their other sessions end
 * (a thief's among them); `keepToken` is the session they are using now.
 */
export async function changeOwnPassword(actor: Actor, input: { current: string; password: string }, keepToken?: string): Promise<void> {
  requireRole(actor, 'admin', 'editor', 'author');
  const user = await db().user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true, email: true, name: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) throw new UserInputError('current', 'Your current password is not correct.');
  if (input.current === input.password) throw new UserInputError('password', 'Choose a password different from the current one.');
  const passwordHash = await hashPassword(checkedPassword(input.password, { email: user.email, name: user.name }));
  await write(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await deleteUserSessions(tx, actor.userId, keepToken);
    await audit(tx, { userId: actor.userId, action: 'user.change-password', entityType: 'user', entityId: actor.userId, summary: 'Changed their password' });
  });
}

/** Ends every session of the actor, this one included. */
export async function logOutEverywhere(actor: Actor): Promise<number> {
  requireRole(actor, 'admin', 'editor', 'author');
  return write(async (tx) => {
    const count = await deleteUserSessions(tx, actor.userId);
    await audit(tx, { userId: actor.userId, action: 'session.logout-everywhere', entityType: 'user', entityId: actor.userId, summary: `Signed out of ${count} session(s)` });
    return count;
  });
}
