// npm run bench:revisions -- [--words N] [--revisions R] [--runs K] [--postgres URL]
// On a scratch database (temp SQLite file, or a new database next to the PostgreSQL URL), writes
// one article of N words (default 10,000, the editor issue's long article) and R saves that each
// change one sentence, then prints p50/p95 of listing the revisions page, diffing the two newest,
// diffing the oldest against the newest, and one restore. The scratch database is dropped at the end.
import { parseArgs } from 'node:util';
import { migrate } from '../lib/migrate';
import { createScratchDatabase } from '../lib/testing/scratch-db';

const { values } = parseArgs({
  options: {
    words: { type: 'string', default: '10000' },
    revisions: { type: 'string', default: '60' },
    runs: { type: 'string', default: '20' },
    postgres: { type: 'string' },
  },
});
const words = Number(values.words);
const revisions = Number(values.revisions);
const runs = Number(values.runs);
if (![words, revisions, runs].every((n) => Number.isInteger(n) && n > 1)) {
  console.error('--words, --revisions and --runs must be whole numbers above 1');
  process.exit(1);
}

const scratch = await createScratchDatabase(values.postgres);
process.env.DATABASE_URL = scratch.url;
await migrate(scratch.url);
const { createArticle, saveArticle } = await import('../lib/article-workflow');
const { listRevisions, diffRevisions, restoreRevision } = await import('../lib/revisions');
const { db, disconnect } = await import('../lib/db');
const { createTestActor } = await import('../lib/testing/users');
const { createTestSections } = await import('../lib/testing/content');

const WORDS_PER_PARAGRAPH = 50;
const paragraphText = (i: number, edit = -1) =>
  Array.from({ length: WORDS_PER_PARAGRAPH / 10 }, (_, s) => `Sentence ${s} of paragraph ${i} says ${s === 0 && i === edit ? 'something new' : 'the same'} thing again today.`).join(' ');
const body = (edit: number) => ({ blocks: Array.from({ length: Math.ceil(words / WORDS_PER_PARAGRAPH) }, (_, i) => ({ type: 'paragraph' as const, content: [{ text: paragraphText(i, edit) }] })) });

const editor = await createTestActor('editor');
const sections = await createTestSections();
const input = (edit: number) => ({ headline: `A long article, edit ${edit}`, standfirst: 'Benchmark', body: body(edit), primarySectionId: sections.news });
const { id } = await createArticle(editor, input(-1));
let version = 1;
const paragraphs = Math.ceil(words / WORDS_PER_PARAGRAPH);
for (let r = 0; r < revisions - 1; r++) ({ version } = await saveArticle(editor, id, input(r % paragraphs), { baseVersion: version }));

async function time(label: string, fn: () => Promise<unknown>): Promise<void> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(`${label.padEnd(34)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`);
}

const rows = await db().revision.findMany({ where: { articleId: id }, orderBy: { id: 'asc' }, select: { id: true } });
const [oldest, previous, newest] = [rows[0]!.id, rows.at(-2)!.id, rows.at(-1)!.id];
console.log(`${scratch.url.startsWith('file:') ? 'SQLite' : 'PostgreSQL'}: one article of ${words.toLocaleString('en-US')} words (${paragraphs} paragraphs), ${rows.length} revisions, ${runs} runs each`);
await time('list revisions (page of 50)', () => listRevisions(editor, id));
await time('diff the two newest', () => diffRevisions(editor, id, previous, newest));
await time('diff oldest → newest', () => diffRevisions(editor, id, oldest, newest));
await time('restore a revision', async () => {
  ({ version } = await restoreRevision(editor, id, previous, { baseVersion: version }));
});

await disconnect();
await scratch.drop();
