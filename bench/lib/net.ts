// Small helpers the bench scripts share: free loopback ports, waiting for a server, apt installs.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 2xx; throws after `timeoutMs`. */
export async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Makes sure `command` exists, installing Debian's `pkg` when it does not (the bench machines are
 * Debian and we run as root there); throws with the manual step otherwise.
 */
export function ensureCommand(command: string, pkg: string, versionFlag = '-v'): void {
  if (!spawnSync(command, [versionFlag]).error) return;
  console.log(`${command} is missing: apt-get install ${pkg}…`);
  const install = spawnSync('sh', ['-c', `apt-get install -y ${pkg} || (apt-get update && apt-get install -y ${pkg})`], { stdio: 'inherit' });
  if (install.status !== 0 || spawnSync(command, [versionFlag]).error) throw new Error(`${command} is not installed and apt-get failed: run apt-get install ${pkg}`);
}
