// Property tests (fast-check) for the reader query language: any input parses without throwing,
// and what reaches FTS5 or to_tsquery is built only from quoted terms and our own operators, so it
// always runs (checked against a real FTS5 table, and PostgreSQL when TEST_DATABASE_URL is set).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fts5Match } from './fts5';
import { MAX_QUERY_CHARS, MAX_TERMS, parseQuery } from './query';
import { facetQueryText, tsqueryText } from './tsquery';

const pieces = fc.constantFrom('"', '-', '*', ':', '(', ')', "'", "''", '\\', 'NOT', 'OR', 'AND', 'NEAR', '{', '}', '^', '&', '|', '!', '<->', ':*', 'headline:', 'facets', 's1', 'mekong', 'ข่าว', 'é', '🦀', ' ', '\u0000', '\u200b', '%00', "'; DROP TABLE article; --", '"; --');
const query = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.array(pieces, { maxLength: 25 }).map((p) => p.join('')),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(100)),
);
const facets = fc.array(fc.stringMatching(/^[sa][1-9]\d{0,4}$/), { maxLength: 2 });

describe('parseQuery', () => {
  it('never throws and keeps only words of letters, digits and marks, within the limits', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.anything()), (input) => {
        const parsed = parseQuery(input);
        const terms = [...parsed.include, ...parsed.exclude];
        expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
        for (const term of terms) for (const word of term.words) expect(word).toMatch(/^[\p{L}\p{N}\p{M}]+$/u);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads at most the first MAX_QUERY_CHARS characters (after NFC normalisation)', () => {
    fc.assert(
      fc.property(query, fc.string({ minLength: 1, maxLength: 50 }), (head, tail) => {
        const padded = head.normalize('NFC').padEnd(MAX_QUERY_CHARS, ' ');
        expect(parseQuery(padded + tail)).toEqual(parseQuery(padded));
      }),
    );
  });
});

/** What is left of an FTS5 expression once every quoted string is removed: our syntax only. */
const FTS5_SYNTAX = /^(?:\s|\{headline standfirst body\}|facets|:|\(|\)|AND|OR|NOT|\*)*$/;
/** The same for to_tsquery text. */
const TSQUERY_SYNTAX = /^(?:\s|:|\*|&|\||!|\(|\))*$/;

describe('query builders', () => {
  let sqlite: Database.Database;
  let postgres: pg.Client | undefined;

  beforeAll(async () => {
    sqlite = new Database(':memory:');
    sqlite.exec("CREATE VIRTUAL TABLE t USING fts5(headline, standfirst, body, facets, tokenize = 'unicode61 remove_diacritics 2')");
    sqlite.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run('Mekong floods', 'ข่าว', 'body text', 's1 a2');
    if (process.env.TEST_DATABASE_URL) {
      postgres = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await postgres.connect();
    }
  });

  afterAll(async () => {
    sqlite.close();
    await postgres?.end();
  });

  it('confine user text to quoted FTS5 strings, and FTS5 accepts every expression', () => {
    const match = sqlite.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
    fc.assert(
      fc.property(query, facets, (input, facetList) => {
        const parsed = parseQuery(input);
        fc.pre(parsed.include.length > 0);
        const expr = fts5Match(parsed, facetList);
        expect(expr.replace(/"(?:[^"]|"")*"/g, '')).toMatch(FTS5_SYNTAX);
        expect(() => match.get(expr)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('confine user text to quoted tsquery operands, and PostgreSQL accepts every query', async () => {
    const checked: [string, string][] = [];
    fc.assert(
      fc.property(query, facets, (input, facetList) => {
        const parsed = parseQuery(input);
        fc.pre(parsed.include.length > 0);
        const text = tsqueryText(parsed);
        const facetText = facetQueryText(facetList);
        for (const part of [text, facetText]) expect(part.replace(/'(?:[^'\\]|''|\\.)*'/g, '')).toMatch(TSQUERY_SYNTAX);
        checked.push([text, facetText]);
      }),
      { numRuns: 2000 },
    );
    if (!postgres) return;
    for (const [text, facetText] of checked.slice(0, 500)) {
      await expect(postgres.query("SELECT to_tsquery('simple', $1) && $2::tsquery", [text, facetText])).resolves.toBeDefined();
    }
  });
});
