import { z } from 'zod';

const databaseUrl = z
  .string()
  .trim()
  .refine((v) => /^(file:|postgres(ql)?:\/\/)/.test(v), 'must start with file: or postgres://');

/** A whole number within bounds, with a message a person can act on. */
function wholeNumber(min: number, max: number) {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

const envSchema = z.object({
  DATABASE_URL: databaseUrl.default('file:./data/broadsheet.db'),
  PORT: wholeNumber(1, 65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SITE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  MEDIA_DIR: z.string().min(1).default('./data/media'),
  /**
   * Front cache budget in megabytes. 64 MB holds ~1,600 article pages (body and brotli form), and
   * keeps a loaded server under 400 MB in all (ADR 027); larger sites with memory to spare raise it.
   */
  CACHE_MAX_MB: wholeNumber(1, 65536).default(64),
  /**
   * Answer stored pages from a worker thread that owns the listening socket (ADR 029). Used in
   * production without REDIS_URL; `false` serves everything from the main thread.
   */
  HIT_WORKER: z.stringbool({ error: 'must be true or false' }).default(true),
  /** Seconds a CDN or proxy may keep a reader page (s-maxage). */
  CACHE_S_MAXAGE: wholeNumber(0, 86400).default(30),
  /**
   * Comma-separated addresses of reverse proxies whose X-Forwarded-For is believed (per-IP rate
   * limits). Unset: the socket address is the client.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'must list IP addresses separated by commas' })))
    .default([]),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// URL' }).optional(),
  SEED_ARTICLES: wholeNumber(0, 10_000_000).default(3000),
  /** Seconds before a periodic job held by a dead instance is taken over (lib/jobs.ts). */
  JOB_LEASE_SECONDS: wholeNumber(5, 3600).default(30),
});

export type Config = z.infer<typeof envSchema> & { SITE_URL: string; databaseProvider: 'sqlite' | 'postgresql' };

/** A configuration problem, reported as one line naming the variable. */
export class ConfigError extends Error {}

function emptyToUndefined(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

export function parseConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = envSchema.safeParse(emptyToUndefined(env));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message} (got ${JSON.stringify(env[name] ?? '')})`);
  }
  const data = result.data;
  return {
    ...data,
    SITE_URL: data.SITE_URL ?? `http://localhost:${data.PORT}`,
    databaseProvider: data.DATABASE_URL.startsWith('file:') ? 'sqlite' : 'postgresql',
  };
}

const KEY = Symbol.for('broadsheet.config');
type Holder = { [KEY]?: Config };

/** The validated configuration, parsed once per process. */
export function config(): Config {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= parseConfig());
}
