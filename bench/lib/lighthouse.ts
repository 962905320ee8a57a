// Lighthouse 12.2.3 (pinned: 13 needs Node 22) driving Debian's chromium through chrome-launcher,
// with Lighthouse's default mobile settings (emulated Moto G Power, simulated slow 4G).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number> & {
  /** Weighted audits that did not pass in any run, so a missed 100 says why. */
  failing: string[];
};

// Without the background-networking flags chromium keeps dialling Google's hosts, which this
// closed network refuses (see the machine guide); root needs --no-sandbox.
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median score (0–100) per category over `runs` runs of `url`, one fresh chromium for all runs. */
export async function lighthouseScores(url: string, runs = 3): Promise<Scores> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const results: Omit<Scores, 'failing'>[] = [];
    const failing = new Set<string>();
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse failed on ${url}: ${runtimeError.message}`);
      results.push(Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((categories[c]?.score ?? 0) * 100)])) as Omit<Scores, 'failing'>);
      for (const c of CATEGORIES) {
        for (const ref of categories[c]?.auditRefs ?? []) {
          const audit = result.lhr.audits[ref.id];
          if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1 && c !== 'performance') failing.add(`${c}: ${ref.id}`);
        }
      }
    }
    return { ...(Object.fromEntries(CATEGORIES.map((c) => [c, median(results.map((r) => r[c]))])) as Omit<Scores, 'failing'>), failing: [...failing] };
  } finally {
    chrome.kill();
  }
}
