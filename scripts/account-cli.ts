// Shared by the account commands: prompts on a terminal (the password without echo) and plain
// one-line errors for scripts.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { ConfigError, config } from '../lib/config';
import { migrate, MigrationError } from '../lib/migrate';

export class UsageError extends Error {}

/** Asks for a value on the terminal; without a terminal the flag was required. */
export async function ask(question: string, { secret = false, flag }: { secret?: boolean; flag: string }): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`${flag} is required when not run on a terminal`);
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  try {
    const answer = rl.question(question);
    muted = secret;
    const value = await answer;
    if (secret) process.stdout.write('\n');
    return value;
  } finally {
    rl.close();
  }
}

/** A new password from the flag, or asked twice on the terminal. */
export async function askNewPassword(given: string | undefined, question: string): Promise<string> {
  if (given !== undefined) return given;
  const password = await ask(question, { secret: true, flag: '--password' });
  if ((await ask('Repeat the password: ', { secret: true, flag: '--password' })) !== password) throw new UsageError('The two passwords differ.');
  return password;
}

/**
 * Runs an account command: migrates first, turns the data layer's input errors and bad flags into
 * one-line messages with exit code 1, and closes the database at the end.
 */
export async function runAccountCommand(usage: string, command: () => Promise<void>): Promise<void> {
  try {
    await migrate(config().DATABASE_URL);
    const { UserInputError } = await import('../lib/users');
    try {
      await command();
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
      console.error(`${error.message}\n${usage}`);
      process.exit(1);
    }
    throw error;
  }
}
