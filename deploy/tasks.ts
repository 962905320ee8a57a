// Steps of deploy/install.sh that need the application's own code:
//   tsx deploy/tasks.ts seed N   seeds N demo articles into an empty database (keeps existing content)
//   tsx deploy/tasks.ts build    migrates DATABASE_URL, then builds the site unless the current build matches the sources
import { ensureBuild } from '../scripts/build';

const [task, argument] = process.argv.slice(2);

if (task === 'seed') {
  const articles = Number(argument);
  if (!Number.isInteger(articles) || articles < 0) {
    console.error(`deploy/tasks.ts seed: N must be a whole number (got ${argument})`);
    process.exit(2);
  }
  const { seedDemoIfEmpty } = await import('../scripts/seed-if-empty');
  await seedDemoIfEmpty(articles);
  const { disconnect } = await import('../lib/db');
  await disconnect();
} else if (task === 'build') {
  // Next prerenders some routes at build time: the database they read must exist and be migrated.
  const { config } = await import('../lib/config');
  const { migrate } = await import('../lib/migrate');
  await migrate(config().DATABASE_URL);
  if (!(await ensureBuild())) console.log('The current build matches the sources.');
} else {
  console.error('Usage: tsx deploy/tasks.ts seed N | build');
  process.exit(2);
}
