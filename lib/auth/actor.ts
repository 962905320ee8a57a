/**
 * Who is acting. Every lib/ function that reads staff-only data or writes takes an `Actor` and checks
 * it itself (DESIGN: auth lives in the data layer, never only in proxy.ts or the UI).
 */
export type Role = 'admin' | 'editor' | 'author';

export const ROLES: readonly Role[] = ['admin', 'editor', 'author'];

export interface Actor {
  userId: number;
  role: Role;
  name: string;
  email: string;
  /** The byline person linked to this user, if any: an author's "own articles" include its bylines. */
  personId: number | null;
}

/** The actor may not do this. Route handlers answer 403; server actions show the message. */
export class AuthorizationError extends Error {
  readonly status = 403;
  constructor(message = 'You do not have permission to do that.') {
    super(message);
    this.name = 'AuthorizationError';
  }
}

/** No signed-in actor. Route handlers answer 401; admin pages redirect to the login screen. */
export class AuthenticationError extends Error {
  readonly status = 401;
  constructor(message = 'Please sign in.') {
    super(message);
    this.name = 'AuthenticationError';
  }
}

/** Returns the actor when it holds one of `roles`, otherwise throws. */
export function requireRole(actor: Actor | null | undefined, ...roles: Role[]): Actor {
  if (!actor) throw new AuthenticationError();
  if (!roles.includes(actor.role)) throw new AuthorizationError();
  return actor;
}
