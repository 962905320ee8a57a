// nginx from Debian serving files as static: the physical limit the front layer is measured against.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCommand, waitFor } from './net';

/**
 * Starts one nginx worker (the front layer is one Node process too) serving `root` on
 * 127.0.0.1:`port`, with `dir` for its config, pid and temp files. `/x` serves `x/index.html` or `x`.
 * Resolves once `probe` (a path under root) answers.
 */
export async function startNginx(root: string, port: number, dir: string, probe: string): Promise<ChildProcess> {
  ensureCommand('nginx', 'nginx-light');
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  types { text/html html; application/xml xml; }
  default_type text/html;
  keepalive_requests 1000000;
  server { listen 127.0.0.1:${port}; root ${root}; location / { try_files $uri/index.html $uri =404; } }
}
`,
  );
  const nginx = spawn('nginx', ['-p', dir, '-c', conf], { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitFor(`http://127.0.0.1:${port}${probe}`, 10_000);
  } catch (error) {
    nginx.kill('SIGTERM');
    throw error;
  }
  return nginx;
}
