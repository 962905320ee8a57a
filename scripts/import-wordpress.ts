// npm run import:wordpress -- <export.xml> [--uploads <dir>] [--permalinks <structure>] [--dry-run]
// Imports a WordPress export (Tools → Export → All content) into DATABASE_URL.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { config, ConfigError } from '../lib/config';
import { disconnect } from '../lib/db';
import { connectToolInvalidation } from '../lib/instance';
import { WxrValidationError } from '../lib/import/catalog';
import { formatReport } from '../lib/import/report';
import { importWordPress } from '../lib/import/wordpress';
import { WxrSyntaxError } from '../lib/import/wxr';
import { migrate, MigrationError } from '../lib/migrate';

const USAGE = 'Usage: npm run import:wordpress -- <export.xml> [--uploads <dir>] [--permalinks <structure>] [--dry-run]';
const HELP = `${USAGE}
  --uploads     a copy of wp-content/uploads; pictures are validated and added to the media library
  --permalinks  the old site's permalink structure, e.g. /%year%/%monthnum%/%postname%/ or /%category%/%postname%/
                (default: each post's own link in the export)
  --dry-run     read and convert everything, write nothing, print the report`;

class UsageError extends Error {}

const argsSchema = z.object({
  file: z.string().refine((f) => existsSync(f) && statSync(f).isFile(), 'the export file does not exist'),
  uploads: z.string().refine((d) => existsSync(d) && statSync(d).isDirectory(), '--uploads must be a folder').optional(),
  permalinks: z.string().min(1).optional(),
  dryRun: z.boolean(),
});

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      uploads: { type: 'string' },
      permalinks: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new UsageError(USAGE);
  const parsed = argsSchema.safeParse({ file: positionals[0], uploads: values.uploads, permalinks: values.permalinks, dryRun: values['dry-run'] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${issue.message} (${String(issue.path[0])}: ${JSON.stringify(positionals[0])})\n${USAGE}`);
  }
  return parsed.data;
}

const PHASES = { validate: 'Checking ', media: 'Images   ', import: 'Importing' } as const;

/** A bar per phase on a terminal; elsewhere a line every quarter. */
function progressReporter() {
  let phase: keyof typeof PHASES | null = null;
  let bar: cliProgress.SingleBar | null = null;
  let next = 0;
  return {
    update(p: { phase: keyof typeof PHASES; done: number; total: number }) {
      if (p.phase !== phase) {
        bar?.stop();
        phase = p.phase;
        next = 0;
        bar = process.stderr.isTTY
          ? new cliProgress.SingleBar({ format: `${PHASES[p.phase]} {bar} {percentage}% | ETA {eta_formatted}`, hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
          : null;
        bar?.start(p.total, 0);
      }
      if (bar) bar.update(p.done);
      else if (p.done >= next || p.done === p.total) {
        console.error(`${PHASES[p.phase].trim()}: ${Math.floor((100 * p.done) / Math.max(1, p.total))}%`);
        next = p.done + Math.ceil(p.total / 4);
      }
    },
    stop: () => bar?.stop(),
  };
}

try {
  const args = options();
  const url = config().DATABASE_URL;
  await migrate(url);
  const progress = progressReporter();
  // What the import invalidates reaches running servers: through Redis, or the journal (ADR 018).
  const disconnectInvalidation = await connectToolInvalidation();
  try {
    const report = await importWordPress({ file: args.file, uploadsDir: args.uploads, permalinks: args.permalinks, dryRun: args.dryRun, onProgress: progress.update });
    progress.stop();
    console.log(formatReport(report));
  } finally {
    progress.stop();
    await disconnectInvalidation();
    await disconnect();
  }
} catch (error) {
  if (error instanceof WxrSyntaxError) {
    console.error(`The export is not well-formed XML: ${error.message}. Nothing was imported.`);
    process.exit(1);
  }
  if (error instanceof WxrValidationError) {
    console.error(`${error.message}\nNothing was imported.`);
    process.exit(1);
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof MigrationError || error instanceof RangeError) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(1);
  }
  throw error;
}
