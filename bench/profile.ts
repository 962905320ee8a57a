// npm run bench:profile -- [--page article] [--articles N | --database-url URL] [--renders R]
// Profiles cold renders of one page type: starts the bench server under `node --cpu-prof`, renders
// the page R times (each after invalidating its tags), and prints where the CPU time went — by
// function and by package — keeping the .cpuprofile (open it in Chrome DevTools or speedscope).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from './lib/net';
import { coldLatency, PAGE_TYPES, startBenchServer, type PageType } from './lib/server-control';
import { prepareSite } from './lib/site';

const { values } = parseArgs({ options: { page: { type: 'string', default: 'article' }, articles: { type: 'string', default: '2000' }, renders: { type: 'string', default: '200' }, 'database-url': { type: 'string' } } });
const page = values.page as PageType;
if (!PAGE_TYPES.includes(page)) throw new Error(`--page must be one of: ${PAGE_TYPES.join(', ')}`);
const renders = Number(values.renders);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function and per package (node_modules/<name>, our own files, node internals). */
function summarise(profile: Profile, top = 25): void {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byNode.get(id)!.callFrame;
    total += us;
    const where = url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
    const name = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ?? (where.startsWith('.next/') ? '.next (our compiled app)' : where.startsWith('node:') || !where ? `(${functionName || 'native'})` : where.split('/')[0]!);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  };
  print('Self time by package', byPackage);
  print('Self time by function', byFunction);
}

const site = await prepareSite({ articles: Number(values.articles), databaseUrl: values['database-url'] });
const profileDir = join(import.meta.dirname, 'results', 'profiles');
mkdirSync(profileDir, { recursive: true });
const before = new Set(readdirSync(profileDir));
try {
  const server = await startBenchServer({ databaseUrl: site.databaseUrl, port: await freePort(), mediaDir: site.mediaDir, nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
  try {
    const pools = await server.pools(10);
    const { path, tags } = pools[page][0]!;
    await coldLatency(server, path, tags, 5);
    const { times } = await coldLatency(server, path, tags, renders);
    times.sort((a, b) => a - b);
    console.log(`${renders} cold renders of ${path}: p50 ${times[Math.floor(renders / 2)]!.toFixed(1)} ms, p99 ${times[Math.ceil(renders * 0.99) - 1]!.toFixed(1)} ms`);
  } finally {
    await server.stop();
  }
  const written = readdirSync(profileDir).filter((f) => !before.has(f) && f.endsWith('.cpuprofile'));
  for (const file of written) {
    console.log(`\nProfile: bench/results/profiles/${file} (whole server life: start-up, then the renders)`);
    summarise(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as Profile);
  }
} finally {
  await site.drop();
}
process.exit(0);
