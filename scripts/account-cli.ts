// Shared by the account commands: prompts on a terminal (the password without echo) and plain
// one-line errors for scripts.
import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';

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
