// The production build: Next's, plus our server bundled into one ES module for plain `node`, so
// the serving process carries no TypeScript loader (tsx's loader thread, source maps and esbuild
// service cost ~50 MB of RSS; ADR 024). Made only when the sources changed since the last build.
import { execFileSync, type StdioOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/** `node .next/broadsheet/server.mjs` serves the site (npm start, npm run serve, deploy/). */
export const SERVER_BUNDLE = '.next/broadsheet/server.mjs';
/** The hit worker (lib/front/hit-worker.ts, ADR 029): the server starts it from beside its own bundle. */
export const HIT_WORKER_BUNDLE = '.next/broadsheet/hit-worker.mjs';
/** The benchmark's server (bench/lib/server-process.ts), built the same way. */
export const BENCH_SERVER_BUNDLE = '.next/broadsheet/bench-server.mjs';
/**
 * Node flags the server runs with wherever it is started (package.json, deploy/, the bench and the
 * tests' server): young-generation semi-spaces of 4 MB instead of 16, which V8 reads only at start
 * (ADR 027). The shell launchers spell the same flag out.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

// A build is current when the sources it was made from are unchanged: a hash of the size and
// modification time of every file Next compiles or this module bundles, written next to the build.
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json', 'server.ts', 'bench/lib/server-process.ts', 'scripts/build.ts'];

const STAMP = '.next/broadsheet-build-stamp';

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry === 'generated' || entry.endsWith('.test.ts')) continue;
    yield* files(join(path, entry));
  }
}

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of files(source)) {
      const stat = statSync(file);
      hash.update(`${file}:${stat.size}:${stat.mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

// The hash checked before a build is the one recorded after it: a source edited while `next
// build` runs must make the next check fail, not be stamped as built.
let checked: string | undefined;

function buildIsCurrent(): boolean {
  checked = sourceHash();
  return ['.next/BUILD_ID', SERVER_BUNDLE, HIT_WORKER_BUNDLE, BENCH_SERVER_BUNDLE].every((output) => existsSync(output)) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === checked;
}

function recordBuild(): void {
  writeFileSync(STAMP, checked ?? sourceHash());
}

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages stay imports: Next, React and Prisma's runtime must be the copies Next's own
  // bundles use, and native addons cannot be bundled.
  packages: 'external',
  logLevel: 'warning',
  // server.ts finds the project (Next's `dir`, public/) from its own directory; the bundles live
  // two levels below it.
  banner: { js: `import { dirname as __bundleDirname } from 'node:path'; const __projectRoot = __bundleDirname(__bundleDirname(import.meta.dirname));` },
  define: { 'import.meta.dirname': '__projectRoot' },
};

async function bundleServer(): Promise<void> {
  await build({ ...common, entryPoints: ['server.ts'], outfile: SERVER_BUNDLE });
  await build({ ...common, entryPoints: ['lib/front/hit-worker.ts'], outfile: HIT_WORKER_BUNDLE });
  // The bench's server imports server.ts, whose "run me" check compares the entry file with its own:
  // inside this bundle both would be the bundle, so the check is made false.
  await build({
    ...common,
    entryPoints: ['bench/lib/server-process.ts'],
    outfile: BENCH_SERVER_BUNDLE,
    define: { ...common.define, 'import.meta.filename': '"bench/lib/server-process.ts"' },
  });
}

/** Builds Next and the server bundles unless the last build matches the sources. Returns whether it built. */
export async function ensureBuild({ env = process.env, stdio = 'inherit' }: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): Promise<boolean> {
  if (buildIsCurrent()) return false;
  // Next prerenders some routes at build time, so `env` must name a migrated database.
  execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio,
    env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  await bundleServer();
  recordBuild();
  return true;
}
