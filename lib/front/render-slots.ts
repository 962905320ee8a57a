/**
 * A bound on how many renders run at once (ADR 020). Node renders on one thread, so 64 misses let
 * through together finish no sooner than 8 — each just waits behind the others — but all 64 hold
 * their React trees, query results and buffers in memory meanwhile (+80 MB RSS measured in a cold
 * storm). Waiting requests are served first come, first served.
 */
export class RenderSlots {
  readonly #max: number;
  #busy = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(max: number) {
    this.#max = max;
  }

  get busy(): number {
    return this.#busy;
  }

  /** Resolves once a slot is free; the returned function frees it (calling it again does nothing). */
  async acquire(): Promise<() => void> {
    if (this.#busy < this.#max) this.#busy++;
    // The freed slot passes straight to the waiter, so #busy stays as it is.
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#busy--;
    };
  }
}
