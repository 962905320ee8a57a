// Property test (fast-check): ids from URLs are plain decimal numbers the database can hold, or null.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ID, parseId } from './ids';

describe('parseId', () => {
  it('returns an id the database can hold, spelled exactly as given, or null', () => {
    const hostile = fc.constantFrom('0', '-1', '01', '1e3', '0x1F', ' 1', '1 ', '2147483648', '99999999999999999999', 'NaN', '١', '1.0', '');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 25 }), fc.bigInt({ min: -10n, max: 10n ** 20n }).map(String), hostile, fc.constant(undefined)), (value) => {
        const id = parseId(value);
        if (id === null) return;
        expect(Number.isInteger(id) && id >= 1 && id <= MAX_ID).toBe(true);
        expect(String(id)).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every id up to the largest PostgreSQL integer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_ID }), (id) => {
        expect(parseId(String(id))).toBe(id);
      }),
    );
    expect(parseId(String(MAX_ID + 1))).toBeNull();
  });
});
