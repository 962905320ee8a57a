// A build is current when the sources it was made from are unchanged: a hash of the size and
// modification time of every file Next compiles, written next to the build.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];
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

export function buildIsCurrent(): boolean {
  return existsSync('.next/BUILD_ID') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === sourceHash();
}

export function recordBuild(): void {
  writeFileSync(STAMP, sourceHash());
}

const LOCK = '.next-build.lock';

function lockHolderAlive(): boolean {
  try {
    process.kill(Number(readFileSync(`${LOCK}/pid`, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the site unless the current build matches the sources. Test files running in parallel
 * workers each need the build: one builds while the others wait for it (two `next build`s in one
 * .next folder break each other), and a lock left by a killed process is taken over.
 */
export async function ensureBuild(): Promise<void> {
  for (;;) {
    if (buildIsCurrent()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      if (!lockHolderAlive()) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1_000));
      continue;
    }
    try {
      writeFileSync(`${LOCK}/pid`, String(process.pid));
      if (!buildIsCurrent()) {
        await promisify(execFile)(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { maxBuffer: 64 * 1024 * 1024 });
        recordBuild();
      }
      return;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
