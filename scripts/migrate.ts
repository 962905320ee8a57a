// npm run db:migrate — applies pending migrations to DATABASE_URL.
import { config, ConfigError } from '../lib/config';
import { migrate, MigrationError } from '../lib/migrate';

try {
  const result = await migrate(config().DATABASE_URL);
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
      : `Database is up to date (${result.alreadyApplied} migration(s) applied).`,
  );
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
