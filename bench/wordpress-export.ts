// npm run bench:import -- [--posts N] [--postgres URL] [--keep]
// Writes a synthetic WordPress export of N posts (classic and block content, shortcodes, Thai
// text, three-level categories, tags, authors, comments, old slugs), imports it into a scratch
// database and reports the file size, import time, throughput and peak RSS.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { migrate } from '../lib/migrate';
import { createScratchDatabase } from '../lib/testing/scratch-db';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    postgres: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const posts = Number(values.posts.replace(/_/g, ''));
if (!Number.isInteger(posts) || posts < 1) {
  console.error(`--posts must be a positive whole number (got ${values.posts})`);
  process.exit(1);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
const cdata = (text: string) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

const AUTHORS = 12;
const TOPS = 8;
const TAGS = 400;
const STATUSES = ['publish', 'publish', 'publish', 'publish', 'publish', 'publish', 'draft', 'pending', 'future', 'private'];
const WORDS = 'council river market festival election school hospital road harbour temple rice weather budget police court farmers tourism university'.split(' ');

function sentence(i: number, n: number): string {
  const words = Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]);
  return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function classic(i: number): string {
  return [
    `${sentence(i, 14)} <strong>${sentence(i + 1, 4)}</strong>\n${sentence(i + 2, 10)}`,
    `${sentence(i + 3, 18)} <a href="https://example.org/${i}">Source</a>.`,
    `[caption id="attachment_${1_000_000 + (i % 50)}" width="800"]<img src="https://old.example.com/wp-content/uploads/2024/01/photo-${i % 50}-800x533.jpg" alt="" /> ${sentence(i + 4, 6)}[/caption]`,
    '<h2>Background</h2>',
    `<ul>\n<li>${sentence(i + 5, 5)}</li>\n<li>${sentence(i + 6, 5)}</li>\n</ul>`,
    `${sentence(i + 7, 20)}\n\nค่าฝุ่นสูงเกินมาตรฐานในเชียงใหม่`,
  ].join('\n\n');
}

function blocks(i: number): string {
  return [
    `<!-- wp:paragraph -->\n<p>${sentence(i, 16)} <em>${sentence(i + 1, 3)}</em></p>\n<!-- /wp:paragraph -->`,
    `<!-- wp:heading -->\n<h2 class="wp-block-heading">${sentence(i + 2, 4)}</h2>\n<!-- /wp:heading -->`,
    `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>${sentence(i + 3, 12)}</p><cite>A resident</cite></blockquote>\n<!-- /wp:quote -->`,
    `<!-- wp:embed {"url":"https://www.youtube.com/watch?v=${i}"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=${i}\n</div></figure>\n<!-- /wp:embed -->`,
    `<!-- wp:paragraph -->\n<p>${sentence(i + 4, 30)}</p>\n<!-- /wp:paragraph -->`,
    `<!-- wp:separator -->\n<hr class="wp-block-separator"/>\n<!-- /wp:separator -->`,
  ].join('\n\n');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Streams the export to `file`, respecting back-pressure. */
async function writeExport(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const emit = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await emit(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Gazette</title><link>https://old.example.com</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old.example.com</wp:base_site_url><wp:base_blog_url>https://old.example.com</wp:base_blog_url>
`);
  for (let a = 1; a <= AUTHORS; a++) {
    await emit(`<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_email>writer${a}@example.com</wp:author_email><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name></wp:author>\n`);
  }
  // Eight top-level categories, each with three children, each child with two grandchildren (folded).
  let term = 1;
  const leaves: string[] = [];
  for (let t = 0; t < TOPS; t++) {
    const top = `topic-${t}`;
    await emit(`<wp:category><wp:term_id>${term++}</wp:term_id><wp:category_nicename>${top}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(`Topic ${t}`)}</wp:cat_name></wp:category>\n`);
    for (let c = 0; c < 3; c++) {
      const child = `${top}-sub-${c}`;
      await emit(`<wp:category><wp:term_id>${term++}</wp:term_id><wp:category_nicename>${child}</wp:category_nicename><wp:category_parent>${top}</wp:category_parent><wp:cat_name>${cdata(`Sub ${t}.${c}`)}</wp:cat_name></wp:category>\n`);
      leaves.push(child);
      for (let g = 0; g < 2; g++) {
        const grand = `${child}-deep-${g}`;
        await emit(`<wp:category><wp:term_id>${term++}</wp:term_id><wp:category_nicename>${grand}</wp:category_nicename><wp:category_parent>${child}</wp:category_parent><wp:cat_name>${cdata(`Deep ${t}.${c}.${g}`)}</wp:cat_name></wp:category>\n`);
        leaves.push(grand);
      }
    }
  }
  for (let t = 0; t < TAGS; t++) {
    await emit(`<wp:tag><wp:term_id>${10_000 + t}</wp:term_id><wp:tag_slug>tag-${t}</wp:tag_slug><wp:tag_name>${cdata(`Tag ${t}`)}</wp:tag_name></wp:tag>\n`);
  }
  const start = Date.UTC(2015, 0, 1);
  for (let i = 1; i <= count; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    const date = new Date(start + i * 3_600_000 * (status === 'future' ? 200 : 1));
    const d = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:00:00`;
    const slug = `story-number-${i}`;
    const leaf = leaves[i % leaves.length]!;
    const comments = i % 3 === 0 ? `<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_content>${cdata('Nice story')}</wp:comment_content></wp:comment>` : '';
    await emit(`<item><title>${cdata(`${sentence(i, 6)} #${i}`)}</title><link>https://old.example.com/${d.slice(0, 4)}/${d.slice(5, 7)}/${slug}/</link><dc:creator>${cdata(`writer${(i % AUTHORS) + 1}`)}</dc:creator>
<content:encoded>${cdata(i % 2 ? classic(i) : blocks(i))}</content:encoded><excerpt:encoded>${cdata(i % 4 ? '' : sentence(i, 12))}</excerpt:encoded>
<wp:post_id>${i}</wp:post_id><wp:post_date>${d}</wp:post_date><wp:post_date_gmt>${d}</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>${status}</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="${leaf}">${cdata(leaf)}</category><category domain="post_tag" nicename="tag-${i % TAGS}">${cdata(`Tag ${i % TAGS}`)}</category><category domain="post_tag" nicename="tag-${(i * 7) % TAGS}">${cdata(`Tag ${(i * 7) % TAGS}`)}</category>
${i % 10 === 0 ? `<wp:postmeta><wp:meta_key>_wp_old_slug</wp:meta_key><wp:meta_value>${cdata(`old-${slug}`)}</wp:meta_value></wp:postmeta>` : ''}${comments}</item>
`);
  }
  await emit('</channel>\n</rss>\n');
  out.end();
  await once(out, 'finish');
}

const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-wxr-'));
const file = join(work, 'export.xml');
const scratch = await createScratchDatabase(values.postgres);
process.env.DATABASE_URL = scratch.url;
process.env.MEDIA_DIR = join(work, 'media');
try {
  const generated = performance.now();
  await writeExport(file, posts);
  console.log(`Wrote a ${mb(statSync(file).size)} export of ${fmt(posts)} posts in ${((performance.now() - generated) / 1000).toFixed(1)} s`);
  await migrate(scratch.url);
  // Imported after DATABASE_URL is set: lib/db reads the configuration once.
  const { importWordPress } = await import('../lib/import/wordpress');
  const { disconnect } = await import('../lib/db');
  const engine = values.postgres ? 'PostgreSQL' : 'SQLite';
  let lastPhase = '';
  let nextReport = 0;
  const report = await importWordPress({
    file,
    onProgress({ phase, done, total }) {
      if (phase !== lastPhase) [lastPhase, nextReport] = [phase, 0];
      if (done < nextReport && done < total) return;
      nextReport = done + Math.ceil(total / 5);
      console.log(`  ${phase} ${Math.round((100 * done) / Math.max(total, 1))}%, RSS ${mb(process.memoryUsage().rss)}`);
    },
  });
  const seconds = report.elapsedMs / 1000;
  console.log(`${engine}: ${fmt(report.created.articles)} articles, ${fmt(report.created.redirects)} redirects in ${seconds.toFixed(1)} s — ${fmt(report.created.articles / seconds)} posts/s`);
  // maxRSS is in kilobytes.
  console.log(`Peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
  await disconnect();
} finally {
  await scratch.drop();
  if (values.keep) console.log(`Export kept at ${file}`);
  else rmSync(work, { recursive: true, force: true });
}
