// The files in deploy/ as shipped: nginx accepts the rendered site, systemd accepts the unit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'broadsheet-deploy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills the placeholders as install.sh does (two instances). */
function render(template: string, values: Record<string, string>): string {
  return readFileSync(template, 'utf8').replace(/@([A-Z_]+)@/g, (whole, name: string) => values[name] ?? whole);
}

describe('deploy/', () => {
  it.skipIf(!has('nginx'))('nginx accepts the site configuration with two instances', () => {
    mkdirSync(join(dir, 'temp'));
    const site = render('deploy/nginx/broadsheet.conf', {
      UPSTREAM_SERVERS: '    server 127.0.0.1:3108;\n    server 127.0.0.1:3109;',
      CACHE_DIR: join(dir, 'cache'),
      LISTEN: '127.0.0.1:3199',
      SERVER_NAME: 'news.example.org',
    });
    expect(site).not.toMatch(/@[A-Z_]+@/);
    writeFileSync(join(dir, 'site.conf'), site);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { include /etc/nginx/mime.types; client_body_temp_path ${dir}/temp; proxy_temp_path ${dir}/temp; include ${dir}/site.conf; }`,
    );
    // Throws with nginx's message when the configuration is invalid.
    execFileSync('nginx', ['-t', '-q', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  });

  it('nginx never forwards Next’s internal headers and keeps connections to the instances open', () => {
    const site = readFileSync('deploy/nginx/broadsheet.conf', 'utf8');
    expect(site).toContain('proxy_set_header x-middleware-subrequest "";');
    expect(site).toMatch(/keepalive \d+;/);
    expect(site).toContain('proxy_set_header Connection "";');
  });

  it.skipIf(!has('systemd-analyze'))('systemd accepts the instance unit', () => {
    const unit = render('deploy/systemd/broadsheet@.service', {
      APP_DIR: process.cwd(),
      NODE: process.execPath,
      USER: 'root',
      ENV_FILE: join(dir, 'broadsheet.env'),
      MEDIA_DIR: dir,
    });
    writeFileSync(join(dir, 'broadsheet.env'), 'DATABASE_URL=postgres://broadsheet@localhost/broadsheet\n');
    writeFileSync(join(dir, 'broadsheet@3001.service'), unit);
    const output = execFileSync('systemd-analyze', ['verify', join(dir, 'broadsheet@3001.service')], { encoding: 'utf8', stdio: 'pipe' });
    expect(output).toBe('');
  });

  it('install.sh refuses bad options with a message, before touching anything', () => {
    const run = (args: string[]) => {
      try {
        execFileSync('bash', ['deploy/install.sh', ...args], { encoding: 'utf8', stdio: 'pipe' });
        return '';
      } catch (error) {
        return String((error as { stderr: string }).stderr);
      }
    };
    expect(run(['--instances', 'many'])).toContain('--instances must be a number from 1 to 99 (got many)');
    expect(run(['--local', dir])).toContain('--local needs --database-url and --redis-url');
    expect(run(['--bogus'])).toContain('unknown option --bogus');
  });
});
