// Placeholder until the demo seeder lands: reports an empty database.
import { db } from '../lib/db';

export async function seedDemoIfEmpty(_articles: number, _options: { seed?: number } = {}): Promise<void> {
  const count = await db().article.count();
  if (count === 0) console.log('The database has no articles yet.');
}
