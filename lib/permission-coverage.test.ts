/**
 * The permission matrix must grow with the newsroom: every function exported from a
 * `'use server'` module under app/ is called by name in one of the files that prove who may call
 * it. A new action without a row there fails here, before it ships unchecked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Files that call server actions as each role and assert the outcome: the permission matrices and the session tests. */
const MATRIX_FILES = readdirSync(join(ROOT, 'lib'))
  .filter((name) => /permission.*\.test\.ts$|^session-security\.test\.ts$/.test(name) && name !== 'permission-coverage.test.ts')
  .map((name) => `lib/${name}`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function serverActions(): string[] {
  return sourceFiles(join(ROOT, 'app')).flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    if (!/^\s*(\/\/[^\n]*\n|\s)*['"]use server['"]/.test(source)) return [];
    return [...source.matchAll(/^export\s+async\s+function\s+(\w+)/gm)].map((m) => `${relative(ROOT, file)}#${m[1]}`);
  });
}

describe('permission matrix coverage', () => {
  it('calls every server action in app/', () => {
    const actions = serverActions();
    expect(actions.length).toBeGreaterThan(30);
    const matrix = MATRIX_FILES.map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');
    const uncovered = actions.filter((action) => !new RegExp(`\\.${action.split('#')[1]}\\(`).test(matrix));
    expect(uncovered).toEqual([]);
  });
});
