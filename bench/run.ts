// npm run bench -- [--articles N] [--quick] [--connections C] [--postgres URL] [--no-lighthouse]
//                  [--database-url URL [--media-dir DIR]]   (an existing seed, e.g. 1,000,000 articles)
// Issue 12's benchmark: builds the production server when sources changed, seeds a scratch
// database, starts the server (bench/lib/server-process.ts) on a free loopback port and drives it
// with wrk from another process; serves the exact same bytes from nginx in the same run and
// reports our throughput as a ratio of that. Writes bench/results/latest.md and latest.json.
// Every load is bounded in time; nothing leaves 127.0.0.1.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { providerOf } from '../lib/migrate';
import { lighthouseScores, type Scores } from './lib/lighthouse';
import { ensureCommand, freePort } from './lib/net';
import { startNginx } from './lib/nginx';
import { pageWeight } from './lib/page-weight';
import { prepareSite } from './lib/site';
import { renderReport, type BenchResults, type ColdResult, type WarmResult } from './lib/report';
import { coldLatency, PAGE_TYPES, startBenchServer, type BenchServer, type PageType } from './lib/server-control';
import { load, type LoadResult } from './lib/wrk';

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    quick: { type: 'boolean', default: false },
    connections: { type: 'string', default: '64' },
    postgres: { type: 'string' },
    'no-lighthouse': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
    'media-dir': { type: 'string' },
  },
});
const quick = values.quick;
const seedArticles = Number((values.articles ?? (quick ? '1000' : '100000')).replace(/_/g, ''));
const connections = Number(values.connections);
if (!Number.isInteger(seedArticles) || seedArticles < 200 || !Number.isInteger(connections) || connections < 1) {
  console.error('--articles must be a whole number ≥ 200 and --connections ≥ 1');
  process.exit(1);
}
// Lighthouse drives Debian's chromium: install it (with apt, as `npm test` does) before the run
// rather than fail after minutes of measuring.
if (!values['no-lighthouse']) await import('../scripts/ensure-browser.mjs');
// Durations: --quick must finish in under 3 minutes with a current build, so it skips the cold storm.
const plan = quick
  ? { warmRounds: 1, roundSeconds: 2, coldSeconds: 0, coldSamples: 8, poolSize: 300, publishes: 3, soakSeconds: 15, lighthouseRuns: 1 }
  : { warmRounds: 3, roundSeconds: 2, coldSeconds: 5, coldSamples: 40, poolSize: 3000, publishes: 5, soakSeconds: 60, lighthouseRuns: 3 };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
};
const MB = 1024 * 1024;
const fileName = (type: PageType, contentType: string) => `${type.replace(/\W+/g, '-')}.${/xml/.test(contentType) ? 'xml' : 'html'}`;

const runStarted = performance.now();
const phases: Record<string, number> = {};
/** Logs the start of a phase with the run's elapsed time, and records when it started. */
function phase(name: string, detail: string): void {
  const at = (performance.now() - runStarted) / 1000;
  phases[name] = Math.round(at);
  console.log(`[${at.toFixed(0)} s] ${name}: ${detail}`);
}

/**
 * Samples the server's RSS every `everyMs` until stopped; returns every sample in bytes. `step`
 * names what runs from now on, so the report can say which step the peak came with.
 */
function watchRss(server: BenchServer, everyMs: number): { step(name: string): void; peaks: Record<string, number>; stop(): number[] } {
  const samples: number[] = [];
  const peaks: Record<string, number> = {};
  let current = 'start';
  const sample = () => {
    const rss = server.rss();
    samples.push(rss);
    peaks[current] = Math.max(peaks[current] ?? 0, rss);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    step(name) {
      sample();
      current = name;
    },
    peaks,
    stop() {
      clearInterval(timer);
      sample();
      return samples;
    },
  };
}

/**
 * Waits until renders that wrk left in flight have finished, so they do not slow whatever is
 * measured next: the server's CPU use over a quarter second falls under a tenth. (A cached page
 * answering quickly is no sign: it is served between the steps of queued renders.)
 */
async function drained(server: BenchServer): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const before = server.cpuSeconds();
    await sleep(250);
    if (server.cpuSeconds() - before < 0.025) return;
  }
}

/** Publishes a fresh story and times until its URL, then the home page, show it to a reader. */
async function publishToVisible(server: BenchServer): Promise<{ articleMs: number; homeMs: number }> {
  const { articleId, path } = await server.draft();
  // Both are cached before the publish: the 404 of the not-yet-live URL and the home page.
  await fetch(server.origin + path).then((r) => r.arrayBuffer());
  await fetch(server.origin + '/').then((r) => r.arrayBuffer());
  const started = performance.now();
  const published = server.publish(articleId);
  let articleMs = NaN;
  let homeMs = NaN;
  while (performance.now() - started < 10_000 && (Number.isNaN(articleMs) || Number.isNaN(homeMs))) {
    if (Number.isNaN(articleMs) && (await fetch(server.origin + path).then(async (r) => (await r.arrayBuffer(), r.status))) === 200) articleMs = performance.now() - started;
    if (Number.isNaN(homeMs) && (await fetch(server.origin + '/').then((r) => r.text())).includes(`href="${path}"`)) homeMs = performance.now() - started;
    await sleep(2);
  }
  await published;
  return { articleMs, homeMs };
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const startedAt = new Date();
  const loadBefore = loadavg();
  ensureCommand('nginx', 'nginx-light');
  ensureCommand('wrk', 'wrk', '--version');

  const site = await prepareSite({ articles: seedArticles, postgres: values.postgres, databaseUrl: values['database-url'], mediaDir: values['media-dir'] });
  let server: BenchServer | undefined;
  let nginx: ChildProcess | undefined;
  try {
    const { seedSeconds } = site;
    server = await startBenchServer({ databaseUrl: site.databaseUrl, port: await freePort(), mediaDir: site.mediaDir });
    const pools = await server.pools(plan.poolSize);
    phase('server up', `${server.origin} (pid ${server.pid}); measuring ${PAGE_TYPES.length} page types`);

    // The exact bytes of each measured page, for nginx; fetching them also warms our cache.
    const root = join(site.work, 'site');
    mkdirSync(root);
    const weights = {} as BenchResults['weights'];
    const staticPath = {} as Record<PageType, string>;
    for (const type of PAGE_TYPES) {
      const weight = await pageWeight(server.origin, pools[type][0]!.path);
      const name = fileName(type, weight.contentType);
      writeFileSync(join(root, name), weight.body);
      staticPath[type] = `/${name}`;
      weights[type] = { htmlBytes: weight.htmlBytes, htmlGzip: weight.htmlGzip, jsBytes: weight.jsBytes, jsGzip: weight.jsGzip };
    }
    const nginxPort = await freePort();
    nginx = await startNginx(root, nginxPort, site.work, staticPath.home);
    const nginxOrigin = `http://127.0.0.1:${nginxPort}`;

    // Warm: ours and nginx in alternating rounds, so both see the same load from the other helpers.
    phase('warm', `${plan.warmRounds} × ${plan.roundSeconds} s rounds per page type and server, ${connections} connections…`);
    const rssUnderLoad = watchRss(server, 250);
    const warm = {} as Record<PageType, WarmResult>;
    for (const type of PAGE_TYPES) {
      rssUnderLoad.step(`warm ${type}`);
      const ours: LoadResult[] = [];
      const theirs: LoadResult[] = [];
      await load(server.origin, [pools[type][0]!.path], { seconds: 1, connections }); // JIT and sockets warm
      for (let round = 0; round < plan.warmRounds; round++) {
        ours.push(await load(server.origin, [pools[type][0]!.path], { seconds: plan.roundSeconds, connections }));
        theirs.push(await load(nginxOrigin, [staticPath[type]], { seconds: plan.roundSeconds, connections }));
      }
      const rps = ours.reduce((s, r) => s + r.rps, 0) / ours.length;
      const nginxRps = theirs.reduce((s, r) => s + r.rps, 0) / theirs.length;
      warm[type] = {
        path: pools[type][0]!.path,
        rps,
        p50Ms: median(ours.map((r) => r.p50Ms)),
        p99Ms: Math.max(...ours.map((r) => r.p99Ms)),
        errors: ours.reduce((s, r) => s + r.errors, 0),
        nginxRps,
        nginxErrors: theirs.reduce((s, r) => s + r.errors, 0),
        ratio: rps / nginxRps,
      };
      console.log(`  ${type}: ${rps.toFixed(0)} req/s, nginx ${nginxRps.toFixed(0)} → ${(rps / nginxRps).toFixed(2)}×`);
    }

    phase('cold', `${plan.coldSamples} single requests per page type, each right after invalidating its tags…`);
    const cold = {} as Record<PageType, ColdResult>;
    for (const type of PAGE_TYPES) {
      rssUnderLoad.step(`cold ${type}`);
      const sample = pools[type][0]!;
      await coldLatency(server, sample.path, sample.tags, 2); // the render path's code is warm, like a running site's
      const single = await coldLatency(server, sample.path, sample.tags, plan.coldSamples);
      cold[type] = { p50Ms: median(single.times), p99Ms: quantile(single.times, 0.99), misses: single.misses, samples: single.times.length, distinctUrls: pools[type].length };
      console.log(`  ${type}: p50 ${cold[type].p50Ms.toFixed(1)} ms, p99 ${cold[type].p99Ms.toFixed(1)} ms`);
    }
    if (plan.coldSeconds > 0) {
      phase('cold storm', `${plan.coldSeconds} s at ${connections} connections over freshly invalidated URLs of each type…`);
      for (const type of PAGE_TYPES) {
        rssUnderLoad.step(`cold storm ${type}`);
        const pool = pools[type];
        await server.invalidate([...new Set(pool.flatMap((p) => p.tags))]);
        const storm = await load(server.origin, pool.map((p) => p.path), { seconds: plan.coldSeconds, connections });
        cold[type].load = storm;
        cold[type].renderedShare = Math.min(1, pool.length / Math.max(1, storm.requests));
        console.log(`  ${type}: ${storm.rps.toFixed(0)} req/s, p50 ${storm.p50Ms.toFixed(0)} ms, p99 ${storm.p99Ms.toFixed(0)} ms, ${storm.errors} errors`);
        await drained(server);
      }
    }
    const loadSamples = rssUnderLoad.stop();

    phase('publish', `${plan.publishes} stories…`);
    const publishes: { articleMs: number; homeMs: number }[] = [];
    for (let i = 0; i < plan.publishes; i++) publishes.push(await publishToVisible(server));

    // Soak: every page type at once while a write invalidates some page every 250 ms, so renders
    // and evictions keep happening; RSS should level off, not climb.
    phase('soak', `${plan.soakSeconds} s of mixed load with invalidations…`);
    const everything = PAGE_TYPES.flatMap((type) => pools[type].slice(0, 10));
    // A site in steady state: its pages cached before the soak starts, a few re-rendered as writes land.
    for (let i = 0; i < everything.length; i += 4) {
      await Promise.all(everything.slice(i, i + 4).map((p) => fetch(server!.origin + p.path).then((r) => r.arrayBuffer())));
    }
    const soakRss = watchRss(server, 1000);
    let invalidating = true;
    const invalidations = (async () => {
      while (invalidating) {
        await server.invalidate(everything[Math.floor(Math.random() * everything.length)]!.tags);
        await sleep(250);
      }
    })();
    const soakLoad = await load(
      server.origin,
      everything.map((p) => p.path),
      { seconds: plan.soakSeconds, connections },
    );
    invalidating = false;
    await invalidations;
    const soakSamples = soakRss.stop();
    // What the RSS holds besides the server itself: the front cache's bodies (CACHE_MAX_MB bounds them).
    const afterSoak = await server.memory();
    const window = Math.max(1, Math.round(soakSamples.length / 6));

    let lighthouse: Partial<Record<'home' | 'article', Scores>> = {};
    if (!values['no-lighthouse']) {
      phase('lighthouse', `mobile, median of ${plan.lighthouseRuns}…`);
      lighthouse = {
        home: await lighthouseScores(server.origin + pools.home[0]!.path, plan.lighthouseRuns),
        article: await lighthouseScores(server.origin + pools.article[0]!.path, plan.lighthouseRuns),
      };
    }

    phase('done', 'writing the report');
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      commit: gitCommit(),
      machine: {
        cpu: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
        memoryGb: Math.round(totalmem() / 1024 ** 3),
        loadBefore,
        loadAfter: loadavg(),
        node: process.version,
        database: providerOf(site.databaseUrl) === 'sqlite' ? 'SQLite' : 'PostgreSQL',
      },
      articles: site.articles,
      seedSeconds,
      connections,
      plan,
      phases,
      warm,
      cold,
      weights,
      publish: {
        runs: publishes,
        articleMedianMs: median(publishes.map((p) => p.articleMs)),
        articleMaxMs: Math.max(...publishes.map((p) => p.articleMs)),
        homeMedianMs: median(publishes.map((p) => p.homeMs)),
      },
      memory: {
        underLoadMaxMb: Math.max(...loadSamples) / MB,
        underLoadPeaksMb: Object.fromEntries(Object.entries(rssUnderLoad.peaks).map(([step, bytes]) => [step, bytes / MB])),
        soakStartMb: median(soakSamples.slice(0, window)) / MB,
        soakEndMb: median(soakSamples.slice(-window)) / MB,
        soakMaxMb: Math.max(...soakSamples) / MB,
        soakLoad,
        afterSoak: { cacheMb: afterSoak.cacheBytes / MB, cacheEntries: afterSoak.cacheEntries, heapUsedMb: afterSoak.heapUsed / MB },
      },
      lighthouse,
    };
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
    const report = renderReport(results);
    writeFileSync(join(import.meta.dirname, 'results', 'latest.md'), report);
    console.log('\n' + report);
    console.log('Written to bench/results/latest.md and latest.json');
  } finally {
    nginx?.kill('SIGTERM');
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
