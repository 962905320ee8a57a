/**
 * Times repeated calls of one query: wall-clock p50/p95, and this process's CPU time per call.
 * On a shared machine the wall clock also measures the scheduler (load averages of 20 on two
 * cores were common while these benches ran); the CPU time does not, and for SQLite, which runs
 * in-process, it is the work the query itself costs. For PostgreSQL it leaves out the server.
 */
export interface Percentiles {
  wallP50: number;
  wallP95: number;
  cpuP50: number;
  cpuP95: number;
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function timeCalls<T>(runs: number, warmup: number, call: () => Promise<T>): Promise<{ last: T; times: Percentiles }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last!: T;
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    last = await call();
    const used = process.cpuUsage(cpuStarted);
    if (i < warmup) continue;
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { last, times: { wallP50: percentile(wall, 0.5), wallP95: percentile(wall, 0.95), cpuP50: percentile(cpu, 0.5), cpuP95: percentile(cpu, 0.95) } };
}

export const TABLE_HEAD = '| p50 ms | p95 ms | CPU p50 ms | CPU p95 ms |';
export const TABLE_RULE = '|---|---|---|---|';
export const tableCells = (t: Percentiles) => [t.wallP50, t.wallP95, t.cpuP50, t.cpuP95].map((n) => n.toFixed(1)).join(' | ');
