import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '../lib/db';

const fixture = (name: string) => resolve('lib/import/fixtures', name);

/** Runs the CLI against this test file's scratch database. */
function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(resolve('node_modules/.bin/tsx'), [resolve('scripts/import-wordpress.ts'), ...args], { env: process.env, timeout: 240_000 }, (error, stdout, stderr) =>
      done({ code: error ? (child.exitCode ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run import:wordpress', { timeout: 300_000 }, () => {
  it('explains its usage when the file is missing', async () => {
    const result = await cli();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Usage: npm run import:wordpress -- <export.xml>');
    const missing = await cli('/nonexistent/export.xml');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the export file does not exist');
  });

  it('stops on malformed XML with the line and column, importing nothing', async () => {
    const result = await cli(fixture('malformed.xml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The export is not well-formed XML: line 21, column 40: unexpected close tag. Nothing was imported.');
    expect(await db().article.count()).toBe(0);
  });

  it('reports a dry run without writing, then imports with progress and a summary', async () => {
    const dry = await cli(fixture('newsroom.xml'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run — nothing was written.');
    expect(await db().article.count()).toBe(0);

    const result = await cli(fixture('newsroom.xml'), '--permalinks', '/%year%/%monthnum%/%postname%/');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Importing: 100%');
    expect(result.stdout).toMatch(/articles +10 new, 0 updated/);
    expect(result.stdout).toContain('comments   2 skipped');
    expect(result.stdout).toContain('news/politics/local-politics → /news/politics');
    expect(result.stdout).toContain('Images missing (2; pass --uploads');
    expect(await db().article.count()).toBe(10);
    expect(await db().redirect.findUnique({ where: { fromPath: '/2024/05/polls-open' } })).toMatchObject({ toPath: '/news/election-night' });
  });

  it('refuses an unknown permalink tag', async () => {
    const result = await cli(fixture('newsroom.xml'), '--permalinks', '/%slug%/');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--permalinks unknown tag %slug%');
  });
});
