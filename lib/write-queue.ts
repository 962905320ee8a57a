/**
 * A FIFO queue that runs one async task at a time. SQLite has a single writer; serialising our
 * own writes in-process keeps every transaction short and avoids the busy-COMMIT path where
 * Prisma's better-sqlite3 adapter can lose an acknowledged write (DESIGN §5).
 */
export class WriteQueue {
  #tail: Promise<unknown> = Promise.resolve();
  #pending = 0;

  get pending(): number {
    return this.#pending;
  }

  run<T>(task: () => Promise<T>): Promise<T> {
    this.#pending++;
    const result = this.#tail.then(task);
    this.#tail = result.then(
      () => this.#pending--,
      () => this.#pending--,
    );
    return result;
  }
}
