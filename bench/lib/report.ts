// The results of npm run bench: their shape (latest.json) and the Markdown report (latest.md),
// with each of issue 12's targets marked met or missed.
import type { Scores } from './lighthouse';
import { PAGE_TYPES, type PageType } from './server-control';
import type { LoadResult } from './wrk';

export interface WarmResult {
  path: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  nginxRps: number;
  nginxErrors: number;
  /** Our requests/s over nginx's for the same bytes. */
  ratio: number;
}

export interface ColdResult {
  /** Single requests, each right after invalidating the page's tags. */
  p50Ms: number;
  p99Ms: number;
  samples: number;
  /** How many of those the front layer really rendered (x-cache MISS or STREAM). */
  misses: number;
  /** Many connections over `distinctUrls` URLs of the type, all invalidated just before (not in --quick). */
  load?: LoadResult;
  distinctUrls: number;
  /** Share of the requests under load that had to render (each URL renders once, then is warm). */
  renderedShare?: number;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  mode: 'quick' | 'full';
  commit: string;
  machine: { cpu: string; memoryGb: number; loadBefore: number[]; loadAfter: number[]; node: string; database: string };
  articles: number;
  seedSeconds: number;
  connections: number;
  plan: Record<string, number>;
  /** Seconds since the run started at which each phase began. */
  phases: Record<string, number>;
  warm: Record<PageType, WarmResult>;
  cold: Record<PageType, ColdResult>;
  weights: Record<PageType, { htmlBytes: number; htmlGzip: number; jsBytes: number; jsGzip: number }>;
  publish: { runs: { articleMs: number; homeMs: number }[]; articleMedianMs: number; articleMaxMs: number; homeMedianMs: number };
  memory: {
    underLoadMaxMb: number;
    /** The highest RSS sampled during each step of the warm and cold loads. */
    underLoadPeaksMb?: Record<string, number>;
    soakStartMb: number;
    soakEndMb: number;
    soakMaxMb: number;
    soakLoad: LoadResult;
    afterSoak?: { cacheMb: number; cacheEntries: number; heapUsedMb: number };
  };
  lighthouse: Partial<Record<'home' | 'article', Scores>>;
}

const n0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const n1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

/** RSS may move by allocator noise; "no growth" allows 5 % between the soak's first and last sixth. */
export const SOAK_GROWTH_ALLOWED = 0.05;

export function targets(r: BenchResults): { target: string; measured: string; ok: boolean }[] {
  const worstWarm = Math.min(...PAGE_TYPES.map((t) => r.warm[t].ratio));
  const warmErrors = PAGE_TYPES.reduce((s, t) => s + r.warm[t].errors, 0);
  const article = r.cold.article;
  const growth = r.memory.soakEndMb / r.memory.soakStartMb - 1;
  const rows = [
    { target: `warm reader pages ≥ 0.5 × nginx (worst of ${PAGE_TYPES.length} types)`, measured: `${worstWarm.toFixed(2)} ×`, ok: worstWarm >= 0.5 },
    { target: `zero errors at ${r.connections} connections (warm)`, measured: `${warmErrors} errors`, ok: warmErrors === 0 },
    { target: 'cold article p50 ≤ 30 ms', measured: `${n1(article.p50Ms)} ms`, ok: article.p50Ms <= 30 },
    { target: 'cold article p99 ≤ 100 ms', measured: `${n1(article.p99Ms)} ms`, ok: article.p99Ms <= 100 },
    { target: 'publish → visible ≤ 1 s (slowest run)', measured: `${n0(r.publish.articleMaxMs)} ms`, ok: r.publish.articleMaxMs <= 1000 },
    { target: 'server RSS ≤ 400 MB under load', measured: `${n0(Math.max(r.memory.underLoadMaxMb, r.memory.soakMaxMb))} MB`, ok: Math.max(r.memory.underLoadMaxMb, r.memory.soakMaxMb) <= 400 },
    { target: `no RSS growth over the ${r.plan.soakSeconds} s soak (≤ ${SOAK_GROWTH_ALLOWED * 100} %)`, measured: `${(growth * 100).toFixed(1)} %`, ok: growth <= SOAK_GROWTH_ALLOWED },
  ];
  for (const page of ['home', 'article'] as const) {
    const s = r.lighthouse[page];
    if (!s) continue;
    rows.push({ target: `Lighthouse mobile ${page}: performance ≥ 95`, measured: String(s.performance), ok: s.performance >= 95 });
    rows.push({
      target: `Lighthouse mobile ${page}: accessibility, best practices, SEO 100`,
      measured: `${s.accessibility} / ${s['best-practices']} / ${s.seo}`,
      ok: s.accessibility === 100 && s['best-practices'] === 100 && s.seo === 100,
    });
  }
  return rows;
}

export function renderReport(r: BenchResults): string {
  const lines: string[] = [];
  lines.push(`# npm run bench — ${r.mode} run`, '');
  lines.push(
    `${r.startedAt} → ${r.finishedAt} · commit ${r.commit} · ${r.machine.cpu}, ${r.machine.memoryGb} GB · Node ${r.machine.node} · ${r.machine.database} · ` +
      `**${r.articles.toLocaleString('en')} articles** (${r.seedSeconds > 0 ? `seeded in ${n0(r.seedSeconds)} s` : 'an existing seed'}) · load average ${r.machine.loadBefore.map(n1).join(' ')} before, ${r.machine.loadAfter.map(n1).join(' ')} after`,
    '',
    'The machine is shared, so absolute figures move with its load; the ratio against nginx, measured in alternating rounds in the same run with the same client (wrk, one thread), is the stable figure.',
    '',
  );
  lines.push(`Phases began at (s): ${Object.entries(r.phases).map(([name, at]) => `${name} ${at}`).join(' · ')}.`, '');
  lines.push('## Targets', '', '| target | measured | |', '|---|---|---|');
  for (const t of targets(r)) lines.push(`| ${t.target} | ${t.measured} | ${mark(t.ok)} |`);

  lines.push('', `## Warm (${r.connections} connections, ${r.plan.warmRounds} × ${r.plan.roundSeconds} s rounds, identity encoding)`, '');
  lines.push('| page | URL | req/s | p50 ms | p99 ms | errors | nginx req/s | ratio |', '|---|---|---|---|---|---|---|---|');
  for (const type of PAGE_TYPES) {
    const w = r.warm[type];
    lines.push(`| ${type} | \`${w.path}\` | ${n0(w.rps)} | ${n1(w.p50Ms)} | ${n1(w.p99Ms)} | ${w.errors} | ${n0(w.nginxRps)} | ${w.ratio.toFixed(2)} × |`);
  }

  lines.push('', '## Cold', '');
  lines.push(
    `Single: ${r.plan.coldSamples} requests one at a time, each right after invalidating the page's tags (what a publish or correction does). ` +
      `Storm: ${r.connections} connections for ${r.plan.coldSeconds} s over that many distinct URLs of the type, all invalidated just before — each renders once, then is warm; the server drains before the next type.`,
    '',
  );
  lines.push('| page | single p50 ms | single p99 ms | rendered | load req/s | load p50 ms | load p99 ms | errors | distinct URLs | rendered share |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const type of PAGE_TYPES) {
    const c = r.cold[type];
    const storm = !c.load
      ? 'not run (--quick) | – | – | –'
      : c.load.requests > 0
        ? `${n0(c.load.rps)} | ${n1(c.load.p50Ms)} | ${n1(c.load.p99Ms)} | ${c.load.errors}`
        : `0 (none finished in ${r.plan.coldSeconds} s) | – | – | ${c.load.errors}`;
    lines.push(`| ${type} | ${n1(c.p50Ms)} | ${n1(c.p99Ms)} | ${c.misses}/${c.samples} | ${storm} | ${n0(c.distinctUrls)} | ${c.renderedShare === undefined ? '–' : `${(c.renderedShare * 100).toFixed(0)} %`} |`);
  }

  lines.push('', '## Publish → visible', '');
  lines.push(`${r.publish.runs.length} stories published through lib/article-workflow in the server process; a reader polls the story's URL (cached as a 404 before) and the home page.`, '');
  lines.push(`- story URL answers 200: median ${n0(r.publish.articleMedianMs)} ms, slowest ${n0(r.publish.articleMaxMs)} ms`);
  lines.push(`- home page links it: median ${n0(r.publish.homeMedianMs)} ms`);

  lines.push('', '## Memory (server RSS)', '');
  lines.push(`- under the warm and cold loads: max ${n0(r.memory.underLoadMaxMb)} MB`);
  const peaks = Object.entries(r.memory.underLoadPeaksMb ?? {}).sort(([, a], [, b]) => b - a);
  if (peaks.length) lines.push(`- highest steps: ${peaks.slice(0, 4).map(([step, mb]) => `${step} ${n0(mb)} MB`).join(' · ')}`);
  lines.push(
    `- ${r.plan.soakSeconds} s soak (ten warm URLs of every page type, one invalidated every 250 ms; ${n0(r.memory.soakLoad.rps)} req/s, ${r.memory.soakLoad.errors} errors): ` +
      `${n0(r.memory.soakStartMb)} MB in the first sixth → ${n0(r.memory.soakEndMb)} MB in the last (median), max ${n0(r.memory.soakMaxMb)} MB`,
  );
  const after = r.memory.afterSoak;
  if (after) {
    lines.push(`- after the soak the front cache held ${n0(after.cacheEntries)} responses, ${n0(after.cacheMb)} MB of bodies (all encodings; bounded by CACHE_MAX_MB); JavaScript heap in use ${n0(after.heapUsedMb)} MB`);
  }

  lines.push('', '## Bytes per page type (as served to a reader)', '');
  lines.push('| page | HTML | HTML gzip | JavaScript | JavaScript gzip |', '|---|---|---|---|---|');
  for (const type of PAGE_TYPES) {
    const w = r.weights[type];
    lines.push(`| ${type} | ${kb(w.htmlBytes)} | ${kb(w.htmlGzip)} | ${kb(w.jsBytes)} | ${kb(w.jsGzip)} |`);
  }

  const lh = Object.entries(r.lighthouse);
  if (lh.length) {
    lines.push('', `## Lighthouse 12.2.3, mobile, median of ${r.plan.lighthouseRuns}`, '', '| page | performance | accessibility | best practices | SEO |', '|---|---|---|---|---|');
    for (const [page, s] of lh) lines.push(`| ${page} | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} |`);
    const failing = lh.flatMap(([page, s]) => s.failing.map((audit) => `${page} — ${audit}`));
    if (failing.length) lines.push('', `Audits below 100 outside performance: ${failing.join('; ')}.`);
  }
  return lines.join('\n') + '\n';
}
