// The load generator: wrk from Debian (C, one thread), so on these 2-core machines the client takes
// as little CPU from the server under test as possible. A Lua script cycles through a list of
// paths (one per request, in order) and prints the summary as JSON.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCommand } from './net';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts and responses with status ≥ 400. */
  errors: number;
}

const SCRIPT = `
local paths = {}
local i = 0
function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"us":%d,"p50":%d,"p99":%d,"errors":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
`;

/**
 * Drives `origin` (http://host:port) for `seconds` over `connections` keep-alive connections,
 * requesting `paths` in turn. Bounded: wrk stops itself after the duration; requests slower than
 * `timeoutSeconds` count as errors.
 */
export async function load(origin: string, paths: readonly string[], { seconds, connections, timeoutSeconds = 10 }: { seconds: number; connections: number; timeoutSeconds?: number }): Promise<LoadResult> {
  ensureCommand('wrk', 'wrk', '--version');
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-wrk-'));
  try {
    writeFileSync(join(dir, 'paths.txt'), paths.join('\n') + '\n');
    writeFileSync(join(dir, 'paths.lua'), SCRIPT);
    const args = ['-t1', `-c${connections}`, `-d${seconds}s`, `--timeout`, `${timeoutSeconds}s`, '-s', join(dir, 'paths.lua'), origin, '--', join(dir, 'paths.txt')];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrk exited with ${code}: ${out}`))));
    });
    const line = /BENCH_JSON (\{.*\})/.exec(output)?.[1];
    if (!line) throw new Error(`wrk printed no summary: ${output}`);
    const raw = JSON.parse(line) as { requests: number; us: number; p50: number; p99: number; errors: number };
    const secondsTaken = raw.us / 1e6;
    return { requests: raw.requests, seconds: secondsTaken, rps: raw.requests / secondsTaken, p50Ms: raw.p50 / 1000, p99Ms: raw.p99 / 1000, errors: raw.errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
