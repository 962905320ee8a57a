process.env.DATABASE_URL = 'file:/tmp/broadsheet-db-y6zplu/test.db';
const { sqliteBackend } = await import('../../lib/search/sqlite.ts');
const { parseQuery } = await import('../../lib/search/query.ts');
const { searchArticles } = await import('../../lib/search.ts');
const { parseSearchParams } = await import('../../lib/validation/search.ts');
const time = async (label: string, f: () => Promise<unknown>) => {
  const t: number[] = [];
  for (let i = 0; i < 15; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(label.padEnd(40), 'p50', t[7]!.toFixed(1), 'min', t[0]!.toFixed(1));
};
for (const q of ['exports', 'council', '"night market"', 'counc']) {
  await time(`backend ${q}`, () => sqliteBackend.reader({ query: parseQuery(q), facets: [], limit: 1000 }));
  await time(`search ${q}`, () => searchArticles(parseSearchParams({ q })));
}
