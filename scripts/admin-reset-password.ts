// npm run admin:reset-password [-- --email E --password P]
// Sets a new password for a staff account and signs it out everywhere (the way back in for a
// locked-out admin). Missing values are asked for on a terminal.
import { parseArgs } from 'node:util';
import { ConfigError, config } from '../lib/config';
import { migrate, MigrationError } from '../lib/migrate';
import { ask, UsageError } from './account-cli';

const USAGE = 'Usage: npm run admin:reset-password -- [--email E] [--password P]';

try {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
  await migrate(config().DATABASE_URL);
  const { resetPasswordFromCommandLine, UserInputError } = await import('../lib/users');
  const email = values.email ?? (await ask('E-mail address: ', { flag: '--email' }));
  let password = values.password;
  if (password === undefined) {
    password = await ask('New password (at least 8 characters): ', { secret: true, flag: '--password' });
    if ((await ask('Repeat the password: ', { secret: true, flag: '--password' })) !== password) throw new UsageError('The two passwords differ.');
  }
  try {
    const user = await resetPasswordFromCommandLine(email, password);
    console.log(`New password set for ${user.email}; their sessions have ended.`);
  } catch (error) {
    if (error instanceof UserInputError) throw new UsageError(`${error.field}: ${error.message}`);
    throw error;
  }
  const { disconnect } = await import('../lib/db');
  await disconnect();
} catch (error) {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(1);
  }
  throw error;
}
