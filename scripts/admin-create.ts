// npm run admin:create [-- --email E --name N --password P --role admin|editor|author]
// Creates a staff account (the first admin, typically). Missing values are asked for on a terminal.
import { parseArgs } from 'node:util';
import { config } from '../lib/config';
import { ask, askNewPassword, runAccountCommand } from './account-cli';

const USAGE = 'Usage: npm run admin:create -- [--email E] [--name N] [--password P] [--role admin|editor|author]';

await runAccountCommand(USAGE, async () => {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, role: { type: 'string', default: 'admin' } },
  });
  const { createUserFromCommandLine } = await import('../lib/users');
  const email = values.email ?? (await ask('E-mail address: ', { flag: '--email' }));
  const name = values.name ?? (await ask('Name: ', { flag: '--name' }));
  const password = await askNewPassword(values.password, 'Password (at least 8 characters): ');
  const user = await createUserFromCommandLine({ email, name, password, role: values.role as 'admin' });
  console.log(`Created ${user.role} ${user.email}. Sign in at ${config().SITE_URL}/admin/login`);
});
