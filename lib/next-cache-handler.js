/**
 * Next's server cache (ISR pages, route-handler responses, `fetch` and `unstable_cache` data),
 * switched off (ADR 009). Broadsheet renders reader pages dynamically and caches them in its own
 * front layer, where `invalidate` reaches every instance; the admin is never cached. A per-instance
 * Next cache could only let one instance serve data another has already changed, so this handler
 * stores nothing and every lookup is a miss. Plain JavaScript: Next imports it without our loader.
 */
export default class NoStoreCacheHandler {
  async get() {
    return null;
  }

  async set() {}

  async revalidateTag() {}

  resetRequestCache() {}
}
