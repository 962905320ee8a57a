// npm run admin:reset-password [-- --email E --password P]
// Sets a new password for a staff account and signs it out everywhere (the way back in for a
// locked-out admin). Missing values are asked for on a terminal.
import { parseArgs } from 'node:util';
import { ask, askNewPassword, runAccountCommand } from './account-cli';

const USAGE = 'Usage: npm run admin:reset-password -- [--email E] [--password P]';

await runAccountCommand(USAGE, async () => {
  const { values } = parseArgs({ options: { email: { type: 'string' }, password: { type: 'string' } } });
  const { resetPasswordFromCommandLine } = await import('../lib/users');
  const email = values.email ?? (await ask('E-mail address: ', { flag: '--email' }));
  const password = await askNewPassword(values.password, 'New password (at least 8 characters): ');
  const user = await resetPasswordFromCommandLine(email, password);
  console.log(`New password set for ${user.email}; their sessions have ended.`);
});
