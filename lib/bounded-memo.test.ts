// A memo that answers repeated keys from memory and never holds more than its bound.
import { describe, expect, it } from 'vitest';
import { boundedMemo } from './bounded-memo';

describe('boundedMemo', () => {
  it('makes each value once while it is remembered, and starts afresh past its bound', () => {
    const made: string[] = [];
    const upper = boundedMemo(2, (key: string) => (made.push(key), { key: key.toUpperCase() }));
    const first = upper('a');
    expect(upper('a')).toBe(first);
    upper('b');
    expect(made).toEqual(['a', 'b']);
    upper('c'); // the third distinct key: the memory starts again
    expect(upper('a')).not.toBe(first);
    expect(upper('a')).toEqual(first);
    expect(made).toEqual(['a', 'b', 'c', 'a']);
  });
});
