/**
 * Brute-force protection for sign-in: failures are counted per account (the e-mail as typed,
 * whether or not such an account exists, so the answer never reveals which addresses are staff)
 * and per client IP. Past a few free attempts each further attempt must wait twice as long as the
 * last, up to a cap; a quiet window forgets the count.
 *
 * The counters live behind {@link RateLimitStore}: in memory by default, or a shared store (Redis)
 * installed with {@link setRateLimitStore} when several instances serve the newsroom.
 */

export interface FailureRecord {
  /** Failures inside the current window. */
  count: number;
  /** Epoch ms of the latest failure. */
  last: number;
}

/** Where failure counters live. Implementations must let a record lapse `ttlMs` after its last failure. */
export interface RateLimitStore {
  get(key: string, now: number): Promise<FailureRecord | null>;
  /** Adds one failure at `now` and returns the updated record. */
  increment(key: string, now: number, ttlMs: number): Promise<FailureRecord>;
  delete(key: string): Promise<void>;
}

export interface DelayPolicy {
  /** Failures allowed before any waiting. */
  free: number;
  /** Wait after the first failure past `free`; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A record with no failure for this long is forgotten. */
  windowMs: number;
}

export const ACCOUNT_POLICY: DelayPolicy = { free: 3, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 };
/** An office shares one address: more room than per account, still bounded. */
export const IP_POLICY: DelayPolicy = { free: 20, baseDelayMs: 1_000, maxDelayMs: 15 * 60_000, windowMs: 60 * 60_000 };

/** How long after the latest failure the next attempt may be made. */
export function delayAfter(count: number, policy: DelayPolicy): number {
  if (count <= policy.free) return 0;
  return Math.min(policy.baseDelayMs * 2 ** (count - policy.free - 1), policy.maxDelayMs);
}

const MAX_MEMORY_KEYS = 100_000;

/** In-process counters, bounded so a flood of invented e-mail addresses cannot exhaust memory. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #records = new Map<string, FailureRecord & { expires: number }>();

  async get(key: string, now: number): Promise<FailureRecord | null> {
    const record = this.#records.get(key);
    if (!record) return null;
    if (record.expires <= now) {
      this.#records.delete(key);
      return null;
    }
    return { count: record.count, last: record.last };
  }

  async increment(key: string, now: number, ttlMs: number): Promise<FailureRecord> {
    const current = await this.get(key, now);
    const next = { count: (current?.count ?? 0) + 1, last: now, expires: now + ttlMs };
    this.#records.delete(key); // re-insert so Map order is least-recently-failed first
    this.#records.set(key, next);
    if (this.#records.size > MAX_MEMORY_KEYS) this.#records.delete(this.#records.keys().next().value!);
    return { count: next.count, last: next.last };
  }

  async delete(key: string): Promise<void> {
    this.#records.delete(key);
  }
}

// One store per process, shared by server.ts and the Next bundle (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.rate-limit-store');
type Holder = { [KEY]?: RateLimitStore };

export function rateLimitStore(): RateLimitStore {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new MemoryRateLimitStore());
}

/** Replaces the store, e.g. with a Redis-backed one at start-up. */
export function setRateLimitStore(store: RateLimitStore): void {
  (globalThis as Holder)[KEY] = store;
}

export interface LoginAttempt {
  email: string;
  ip: string;
}

const accountKey = (email: string) => `login:account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `login:ip:${ip}`;

async function waitFor(key: string, policy: DelayPolicy, now: number): Promise<number> {
  const record = await rateLimitStore().get(key, now);
  if (!record) return 0;
  return Math.max(0, record.last + delayAfter(record.count, policy) - now);
}

/** Milliseconds to wait before this attempt may be checked; 0 when it may go ahead. */
export async function loginRetryAfter(attempt: LoginAttempt, now = Date.now()): Promise<number> {
  const [account, ip] = await Promise.all([waitFor(accountKey(attempt.email), ACCOUNT_POLICY, now), waitFor(ipKey(attempt.ip), IP_POLICY, now)]);
  return Math.max(account, ip);
}

export async function recordLoginFailure(attempt: LoginAttempt, now = Date.now()): Promise<void> {
  const store = rateLimitStore();
  await Promise.all([
    store.increment(accountKey(attempt.email), now, ACCOUNT_POLICY.windowMs),
    store.increment(ipKey(attempt.ip), now, IP_POLICY.windowMs),
  ]);
}

/**
 * A correct password clears the account's count. The IP count stays: otherwise an attacker could
 * sign in to an account of their own between guesses at someone else's.
 */
export async function recordLoginSuccess(attempt: LoginAttempt): Promise<void> {
  await rateLimitStore().delete(accountKey(attempt.email));
}
