import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = execFile(resolve('node_modules/.bin/tsx'), [resolve('scripts/start.ts')], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? (child.exitCode ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm start with a bad configuration', () => {
  it('stops with one line naming the variable', async () => {
    const result = await start({ PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['Invalid configuration: PORT must be a whole number from 1 to 65535 (got "eighty")']);
  });

  it('stops with one line when the database cannot be opened', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'broadsheet-')), 'not-a-dir');
    writeFileSync(file, '');
    const result = await start({ DATABASE_URL: `file:${file}/news.db` });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot open the SQLite database at .*not-a-dir\/news\.db: /);
  });

  it('stops with one line when PostgreSQL is unreachable', async () => {
    const result = await start({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Cannot connect to PostgreSQL at postgres:\/\/…@127\.0\.0\.1:1\/none: /)]);
  });
});
