/**
 * Letting the event loop turn inside a long loop of database work. better-sqlite3 runs every
 * statement on this thread and Prisma resolves it without returning to the event loop, so a loop
 * of awaited statements — a search-index merge, the recent index's refill — would hold every
 * timer and request until it ended (docs/adr/030 measured one write getting in during 102 s).
 */

/** Resolves after pending I/O and timers have had their turn, `restMs` later when given. */
export function yieldToEventLoop(restMs = 0): Promise<void> {
  return new Promise((resolve) => (restMs >= 1 ? setTimeout(resolve, restMs) : setImmediate(resolve)));
}
