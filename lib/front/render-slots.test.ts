import { describe, expect, it } from 'vitest';
import { RenderSlots } from './render-slots';

describe('RenderSlots', () => {
  it('lets at most `max` holders in at once and hands freed slots out in arrival order', async () => {
    const slots = new RenderSlots(2);
    const order: number[] = [];
    const first = await slots.acquire();
    const second = await slots.acquire();
    const waiters = [3, 4].map((n) => slots.acquire().then((free) => (order.push(n), free)));
    await Promise.resolve();
    expect(order).toEqual([]);
    expect(slots.busy).toBe(2);
    first();
    first(); // a second call must not free another holder's slot
    const third = await waiters[0]!;
    expect(order).toEqual([3]);
    second();
    const fourth = await waiters[1]!;
    expect(order).toEqual([3, 4]);
    third();
    fourth();
    expect(slots.busy).toBe(0);
  });
});
