// Creates the Playwright suite's staff accounts (e2e/accounts.ts); authors get a byline person.
import { E2E_ACCOUNTS, E2E_PASSWORD } from '../e2e/accounts';
import { write } from '../lib/db';
import { createUserFromCommandLine } from '../lib/users';

export async function createE2eAccounts(): Promise<void> {
  for (const account of Object.values(E2E_ACCOUNTS)) {
    const user = await createUserFromCommandLine({ ...account, password: E2E_PASSWORD });
    if (account.role === 'author') {
      await write((tx) => tx.person.create({ data: { slug: `e2e-${user.id}`, name: account.name, userId: user.id } }));
    }
  }
}
