// Derives the SQLite and PostgreSQL schemas from prisma/schema.prisma and generates one client
// for each (DESIGN §5). Prisma 7 would download its schema engine for `generate`; the driver
// adapters need no engine at run time, so we point the CLI at /bin/false instead.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');

export const PROVIDERS = { sqlite: 'sqlite', postgresql: 'postgres' };

/** The schema for one provider: only the datasource provider and the client output differ. */
export function schemaFor(provider) {
  const outputDir = PROVIDERS[provider];
  return source
    .replace(/provider = "sqlite"/, `provider = "${provider}"`)
    .replace(/output\s*=\s*"[^"]*"/, `output   = "../../lib/generated/${outputDir}"`);
}

function generate() {
  const outDir = join(root, 'prisma/generated');
  mkdirSync(outDir, { recursive: true });
  for (const provider of Object.keys(PROVIDERS)) {
    const file = join(outDir, `${provider}.prisma`);
    writeFileSync(file, schemaFor(provider));
    execFileSync(join(root, 'node_modules/.bin/prisma'), ['generate', '--schema', file, '--no-hints'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  }
  console.log('Prisma clients generated for sqlite and postgresql');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();
