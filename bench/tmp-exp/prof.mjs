import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const lastSec = Number(process.argv[3] ?? 5);
const byId = new Map(p.nodes.map((n) => [n.id, n]));
let t = p.startTime; const times = p.timeDeltas.map((d) => (t += d));
const cutoff = p.endTime - lastSec * 1e6;
const pkg = new Map(), fn = new Map(); let total = 0;
p.samples.forEach((id, i) => {
  if (times[i] < cutoff) return;
  const n = byId.get(id); const url = n.callFrame.url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
  const k = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url.startsWith('.next/') ? '.next' : url ? url.split('/')[0] : `(${n.callFrame.functionName})`);
  const d = p.timeDeltas[i]; total += d;
  pkg.set(k, (pkg.get(k) ?? 0) + d);
  const f = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}`; fn.set(f, (fn.get(f) ?? 0) + d);
});
console.log('window', lastSec, 's, total', (total / 1000).toFixed(0), 'ms');
for (const [k, v] of [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / 1000).toFixed(0).padStart(6), 'ms', k);
console.log('--');
for (const [k, v] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(0).padStart(6), 'ms', k.slice(0, 150));
