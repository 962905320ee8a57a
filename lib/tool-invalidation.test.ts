// A command-line tool's invalidate() with REDIS_URL: it reaches running instances through the
// bridge, like an editor's (the journal path without Redis is tested over HTTP in
// lib/front/tool-invalidation.integration.test.ts).
import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { testRedisUrl } from './testing/redis';

process.env.REDIS_URL = testRedisUrl();
const { invalidate } = await import('./cache-tags');
const { connectToolInvalidation } = await import('./instance');
const { createInvalidationBridge } = await import('./invalidation-bridge');
const { createRedisConnection } = await import('./redis');

const client = createRedisConnection(testRedisUrl());
afterAll(() => client.quit());

it('publishes a tool’s invalidation to the running instances through Redis', async () => {
  let resolve!: (tags: readonly string[]) => void;
  const received = new Promise<readonly string[]>((r) => (resolve = r));
  // A running instance, listening on the site's channel.
  const instance = createInvalidationBridge({ client, url: testRedisUrl(), onRemote: resolve });
  await instance.subscribed;
  const tag = `tag:tool-${randomUUID()}`;
  const before = await instance.versions.current();

  const disconnect = await connectToolInvalidation();
  await invalidate([tag]);
  await disconnect();

  expect(await received).toEqual([tag]);
  expect(await instance.versions.unchangedSince([tag], before)).toBe(false);
  await instance.close();
  await client.hdel('broadsheet:inv:versions', tag);
});
