// Delivery budgets (issue 5): JavaScript gzip per reader page, article HTML size after stripping,
// and warm article requests per second against nginx serving the same HTML as a static file,
// measured in the same run with the same client. Targets, not pass/fail:
//   JS ≤ 15 kB gzip per page · article HTML ≤ 60 kB · front layer ≥ 0.5 × nginx.
// Usage: npx tsx bench/delivery.ts [--seconds 10] [--connections 32] [--articles 200]
// Runs the real server through scripts/e2e-server.ts (scratch database, production build).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
function option(name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
}
const SECONDS = option('seconds', 10);
const CONNECTIONS = option('connections', 32);
const ARTICLES = option('articles', 200);
const PORT = Number(process.env.E2E_PORT ?? 3102);

const JS_BUDGET = 15 * 1024;
const HTML_BUDGET = 60 * 1024;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/** Requests `url` over `connections` keep-alive sockets for `seconds`; returns requests per second. */
async function load(url: string, seconds: number, connections: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  let done = 0;
  let failed = 0;
  const end = Date.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request({ host: target.hostname, port: target.port, path: target.pathname, agent }, (res) => {
        if (res.statusCode !== 200) failed += 1;
        res.on('data', () => {});
        res.on('end', () => {
          done += 1;
          resolve();
        });
      });
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end();
    });
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) await one();
    }),
  );
  agent.destroy();
  if (failed) throw new Error(`${failed} requests to ${url} failed`);
  return done / ((Date.now() - started) / 1000);
}

function startNginx(root: string, port: number, dir: string): ChildProcess {
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  default_type text/html;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:${port}; root ${root}; location / { try_files $uri/index.html $uri =404; } }
}
`,
  );
  return spawn('nginx', ['-p', dir, '-c', conf], { stdio: 'inherit' });
}

/** A Node server with nothing but the bytes: the ceiling for any Node server on this machine now. */
const BARE_SERVER = `const body = require('node:fs').readFileSync(process.argv[1]);
require('node:http').createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); }).listen(Number(process.argv[2]), '127.0.0.1');`;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

async function main() {
  if (spawnSync('nginx', ['-v']).error) throw new Error('nginx is not installed (apt-get install nginx-light)');
  console.log(`Starting the server on :${PORT} with ${ARTICLES} demo articles (builds first if sources changed)…`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/e2e-server.ts'], {
    env: { ...process.env, E2E_PORT: String(PORT), E2E_ARTICLES: String(ARTICLES), E2E_MEDIA_DIR: join(tmpdir(), 'broadsheet-bench-media') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
  let nginx: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await waitFor(`${base}/api/health`, 900_000);
    const home = await (await fetch(base)).text();
    const articlePath = /<a href="(\/[^/"]+\/[^/"]+)"/.exec(home)?.[1];
    if (!articlePath) throw new Error('The home page links to no article');

    console.log('\nBudgets (article page)');
    const articleResponse = await fetch(base + articlePath, { headers: { 'accept-encoding': 'identity' } });
    const html = await articleResponse.text();
    const htmlBytes = Buffer.byteLength(html);
    let jsGzip = 0;
    for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (/type="application\/ld\+json"/.test(attributes!)) continue;
      const src = /src="([^"]+)"/.exec(attributes!)?.[1];
      const code = src ? Buffer.from(await (await fetch(base + src, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()) : Buffer.from(content!);
      jsGzip += gzipSync(code, { level: 9 }).length;
    }
    console.log(`  JavaScript, gzip total: ${kb(jsGzip)} (budget ${kb(JS_BUDGET)}) ${jsGzip <= JS_BUDGET ? 'OK' : 'OVER'}`);
    console.log(`  Article HTML, stripped: ${kb(htmlBytes)} (budget ${kb(HTML_BUDGET)}) ${htmlBytes <= HTML_BUDGET ? 'OK' : 'OVER'}; gzip ${kb(gzipSync(html).length)}`);

    const file = join(work, 'site', articlePath.slice(1), 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    const nginxPort = await freePort();
    nginx = startNginx(join(work, 'site'), nginxPort, work);
    await waitFor(`http://127.0.0.1:${nginxPort}${articlePath}`, 10_000);

    // The ceiling for any Node server on this machine right now: the same bytes from a bare handler.
    const barePort = await freePort();
    bare = spawn(process.execPath, ['-e', BARE_SERVER, file, String(barePort)], { stdio: 'inherit' });
    await waitFor(`http://127.0.0.1:${barePort}/`, 10_000);

    console.log(`\nWarm article, ${CONNECTIONS} keep-alive connections, ${SECONDS} s each in alternating rounds, identity encoding`);
    console.log(`  load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on this machine's shared cores`);
    // The machine is shared and its load swings by the second: measure the three servers in
    // alternating two-second rounds so each sees the same conditions.
    const targets = { front: base + articlePath, bare: `http://127.0.0.1:${barePort}${articlePath}`, nginx: `http://127.0.0.1:${nginxPort}${articlePath}` };
    const totals = { front: 0, bare: 0, nginx: 0 };
    for (const url of Object.values(targets)) await load(url, 1, CONNECTIONS); // warm the JIT and the cache
    const rounds = Math.max(1, Math.round(SECONDS / 2));
    for (let round = 0; round < rounds; round += 1) {
      for (const name of Object.keys(targets) as (keyof typeof targets)[]) totals[name] += await load(targets[name], 2, CONNECTIONS);
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
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
