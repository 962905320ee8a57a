// The first `npm start` on an empty database fills it with The Lanna Ledger's demo content.
import { config } from '../lib/config';
import { seedDemo, SeedRefusedError } from '../lib/seed';

export async function seedDemoIfEmpty(articles: number, options: { seed?: number } = {}): Promise<void> {
  const started = Date.now();
  let lastReport = 0;
  try {
    const result = await seedDemo({
      url: config().DATABASE_URL,
      articles,
      seed: options.seed,
      onProgress(done, total) {
        if (Date.now() - lastReport < 2000 && done < total) return;
        lastReport = Date.now();
        console.log(`Writing demo content: ${done.toLocaleString('en')} of ${total.toLocaleString('en')} articles`);
      },
    });
    console.log(`Demo content ready: ${result.articles.toLocaleString('en')} articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (error) {
    if (error instanceof SeedRefusedError) return; // the database already has content: keep it
    throw error;
  }
}
