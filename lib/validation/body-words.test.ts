import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from './body';

/** The definition countWords implements without allocating: every match of the word pattern. */
const byPattern = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;

describe('countWords', () => {
  it('counts words with apostrophes, hyphens, digits, accents, Thai and emoji', () => {
    expect(countWords("Chiang Mai's night-market re-opens: 3 vendors’ stalls")).toBe(7);
    expect(countWords('  -- \'quoted\' - - ')).toBe(1);
    expect(countWords('Café naïve 𝒳yz 😀 ')).toBe(3);
    expect(countWords('')).toBe(0);
  });

  it('agrees with the word pattern on any text', () => {
    const alphabet = fc.constantFrom('a', 'Z', '7', ' ', '-', "'", '’', '.', 'é', 'ก', '่', '😀', '𝒳', '\n', '\u00a0');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
        expect(countWords(text)).toBe(byPattern(text));
      }),
      { numRuns: 2000 },
    );
  });
});
