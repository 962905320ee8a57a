// A build is current when the sources it was made from are unchanged: a hash of the size and
// modification time of every file Next compiles, written next to the build.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

// The hash checked before a build is the one recorded after it: a source edited while `next
// build` runs must make the next check fail, not be stamped as built.
let checked: string | undefined;

export function buildIsCurrent(): boolean {
  checked = sourceHash();
  return existsSync('.next/BUILD_ID') && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === checked;
}

export function recordBuild(): void {
  writeFileSync(STAMP, checked ?? sourceHash());
}
