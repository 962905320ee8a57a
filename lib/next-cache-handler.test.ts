import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';

// Both are plain JavaScript that Next loads itself; typed here by what the test relies on.
const { default: nextConfig } = (await import('../next.config.js' as string)) as { default: NextConfig };
const { default: NoStoreCacheHandler } = (await import('./next-cache-handler.js' as string)) as {
  default: new () => { get(key: string): Promise<unknown>; set(key: string, data: unknown, ctx: unknown): Promise<void>; revalidateTag(tags: string[]): Promise<void> };
};

describe("Next's own server cache", () => {
  it('is configured to our handler, with no per-instance memory copy', () => {
    expect(nextConfig.cacheHandler).toMatch(/lib\/next-cache-handler\.js$/);
    expect(nextConfig.cacheMaxMemorySize).toBe(0);
  });

  it('never hands back what an instance stored, so no instance can serve stale data', async () => {
    const handler = new NoStoreCacheHandler();
    await handler.set('/admin/articles', { kind: 'APP_PAGE', html: 'old' }, { tags: ['articles'] });
    expect(await handler.get('/admin/articles')).toBeNull();
    await expect(handler.revalidateTag(['articles'])).resolves.toBeUndefined();
  });
});
