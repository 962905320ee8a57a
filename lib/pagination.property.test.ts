// Property tests (fast-check) for page numbers in query strings: every reader listing, search and
// newsroom list turns any `?page=` value into a page it can serve or a clean refusal, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePageParam } from './pagination';
import { listQuerySchema } from './validation/library';
import { mediaListSchema } from './validation/media';
import { MAX_SEARCH_PAGE, parseSearchParams } from './validation/search';

const hostile = fc.constantFrom('0', '-1', '-0', '+2', '1e3', '0x10', '2.0', '2.5', 'NaN', 'Infinity', '-Infinity', '', ' 2', '2 ', '02', '9'.repeat(400), '9007199254740993', '１２', '٣', '2%00', '\u0000', '[]', 'null', 'undefined', 'true');
const value = fc.oneof(fc.string({ maxLength: 30 }), fc.nat().map(String), fc.integer().map(String), fc.double().map(String), hostile);
const param = fc.oneof(fc.constant(undefined), value, fc.array(value, { maxLength: 3 }));

describe('reader listings: parsePageParam', () => {
  it('serves only canonical page numbers from 2 up, redirects 1 and refuses the rest', () => {
    fc.assert(
      fc.property(param, (input) => {
        const result = parsePageParam(input);
        if ('page' in result) {
          expect(Number.isSafeInteger(result.page)).toBe(true);
          expect(input === undefined ? result.page === 1 : String(result.page) === input && result.page >= 2).toBe(true);
        } else if ('redirectToFirst' in result) expect(input).toBe('1');
        else expect(input === undefined || Array.isArray(input) || !/^[1-9]\d{0,6}$/.test(input)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every page a listing can link to', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9_999_999 }), (page) => {
        expect(parsePageParam(String(page))).toEqual({ page });
      }),
    );
  });
});

describe('search and newsroom lists', () => {
  it('fall back to page 1 for anything out of range, and never throw', () => {
    fc.assert(
      fc.property(param, (input) => {
        const search = parseSearchParams({ page: input }).page;
        expect(Number.isInteger(search) && search >= 1 && search <= MAX_SEARCH_PAGE).toBe(true);
        const list = listQuerySchema.parse({ page: input }).page;
        expect(Number.isInteger(list) && list >= 1 && list <= 100_000).toBe(true);
        const media = mediaListSchema.parse({ page: input }).page;
        expect(Number.isInteger(media) && media >= 1 && media <= 10_000).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
