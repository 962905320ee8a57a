// npm run admin:create [-- --email E --name N --password P --role admin|editor|author]
// Creates a staff account (the first admin, typically). Missing values are asked for on a terminal.
import { parseArgs } from 'node:util';
import { ConfigError, config } from '../lib/config';
import { migrate, MigrationError } from '../lib/migrate';
import { ask, UsageError } from './account-cli';

const USAGE = 'Usage: npm run admin:create -- [--email E] [--name N] [--password P] [--role admin|editor|author]';

try {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  await migrate(config().DATABASE_URL);
  const { createUserFromCommandLine, UserInputError } = await import('../lib/users');
  const email = values.email ?? (await ask('E-mail address: ', { flag: '--email' }));
  const name = values.name ?? (await ask('Name: ', { flag: '--name' }));
  let password = values.password;
  if (password === undefined) {
    password = await ask('Password (at least 8 characters): ', { secret: true, flag: '--password' });
    if ((await ask('Repeat the password: ', { secret: true, flag: '--password' })) !== password) throw new UsageError('The two passwords differ.');
  }
  try {
    const user = await createUserFromCommandLine({ email, name, password, role: values.role as 'admin' });
    console.log(`Created ${user.role} ${user.email}. Sign in at ${config().SITE_URL}/admin/login`);
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
