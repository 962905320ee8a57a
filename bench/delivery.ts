// Delivery budgets (issue 5): JavaScript gzip per reader page, article HTML size after stripping,
// and warm article requests per second against nginx serving the same HTML as a static file and a
// bare Node server sending the same bytes, measured in the same run with the same client (wrk).
// Targets, not pass/fail: JS ≤ 15 kB gzip per page · article HTML ≤ 60 kB · front layer ≥ 0.5 × nginx.
// Usage: npx tsx bench/delivery.ts [--seconds 10] [--connections 32] [--articles 200]
// `npm run bench` measures every page type this way; this script keeps the issue-5 budget view.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, waitFor } from './lib/net';
import { startNginx } from './lib/nginx';
import { pageWeight } from './lib/page-weight';
import { startBenchServer, type BenchServer } from './lib/server-control';
import { prepareSite } from './lib/site';
import { load } from './lib/wrk';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' }, articles: { type: 'string', default: '200' } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);

const JS_BUDGET = 15 * 1024;
const HTML_BUDGET = 60 * 1024;

/** A Node server with nothing but the bytes: the ceiling for any Node server on this machine now. */
const BARE_SERVER = `const body = require('node:fs').readFileSync(process.argv[1]);
require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); }).listen(Number(process.argv[2]), '127.0.0.1');`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main() {
  const site = await prepareSite({ articles: Number(values.articles) });
  let server: BenchServer | undefined;
  let nginx: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    server = await startBenchServer({ databaseUrl: site.databaseUrl, port: await freePort(), mediaDir: site.mediaDir });
    const articlePath = (await server.pools(1)).article[0]!.path;

    console.log('\nBudgets (article page)');
    const weight = await pageWeight(server.origin, articlePath);
    console.log(`  JavaScript, gzip total: ${kb(weight.jsGzip)} (budget ${kb(JS_BUDGET)}) ${weight.jsGzip <= JS_BUDGET ? 'OK' : 'OVER'}`);
    console.log(`  Article HTML, stripped: ${kb(weight.htmlBytes)} (budget ${kb(HTML_BUDGET)}) ${weight.htmlBytes <= HTML_BUDGET ? 'OK' : 'OVER'}; gzip ${kb(weight.htmlGzip)}`);

    const root = join(site.work, 'site');
    mkdirSync(root);
    writeFileSync(join(root, 'article.html'), weight.body);
    const nginxPort = await freePort();
    nginx = await startNginx(root, nginxPort, site.work, '/article.html');

    const barePort = await freePort();
    bare = spawn(process.execPath, ['-e', BARE_SERVER, join(root, 'article.html'), String(barePort)], { stdio: 'inherit' });
    await waitFor(`http://127.0.0.1:${barePort}/`, 10_000);

    console.log(`\nWarm article, ${CONNECTIONS} keep-alive connections, ${SECONDS} s each in alternating rounds, identity encoding`);
    console.log(`  load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine's shared cores`);
    // The machine is shared and its load swings by the second: measure the three servers in
    // alternating two-second rounds so each sees the same conditions.
    const targets = {
      front: { origin: server.origin, path: articlePath },
      bare: { origin: `http://127.0.0.1:${barePort}`, path: '/' },
      nginx: { origin: `http://127.0.0.1:${nginxPort}`, path: '/article.html' },
    };
    const totals = { front: 0, bare: 0, nginx: 0 };
    for (const { origin, path } of Object.values(targets)) await load(origin, [path], { seconds: 1, connections: CONNECTIONS }); // warm the JIT and the cache
    const rounds = Math.max(1, Math.round(SECONDS / 2));
    for (let round = 0; round < rounds; round += 1) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) {
        const result = await load(targets[name].origin, [targets[name].path], { seconds: 2, connections: CONNECTIONS });
        if (result.errors) throw new Error(`${result.errors} requests to ${name} failed`);
        totals[name] += result.rps;
      }
    }
    const front = totals.front / rounds;
    const bareRate = totals.bare / rounds;
    const static_ = totals.nginx / rounds;
    console.log(`  front layer (npm start): ${front.toFixed(0)} req/s`);
    console.log(`  bare Node handler, same bytes: ${bareRate.toFixed(0)} req/s`);
    console.log(`  nginx, same HTML static: ${static_.toFixed(0)} req/s`);
    console.log(`  ratio: ${(front / static_).toFixed(2)} × nginx (target ≥ 0.5); ${(front / bareRate).toFixed(2)} × a bare Node server`);
  } finally {
    nginx?.kill('SIGTERM');
    bare?.kill('SIGTERM');
    await server?.stop();
    await site.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
