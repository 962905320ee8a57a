/** The Redis server tests use: TEST_REDIS_URL, or the local one (Redis always runs here and in CI). */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}
