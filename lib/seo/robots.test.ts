import { describe, expect, it } from 'vitest';
import { robotsTxt } from './robots';
import { siteUrl } from './urls';

/** The rules a crawler with this user agent obeys (its own group, else `*`), as robots.txt parsers read them. */
function rulesFor(txt: string, agent: string): string[] {
  const groups: { agents: string[]; rules: string[] }[] = [];
  let current: { agents: string[]; rules: string[] } | null = null;
  for (const line of txt.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean)) {
    const [key, value] = line.split(/:\s*/, 2) as [string, string];
    if (key.toLowerCase() === 'user-agent') {
      if (!current || current.rules.length) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
    } else if (current && /^(allow|disallow)$/i.test(key)) current.rules.push(`${key}: ${value}`);
  }
  const own = groups.find((g) => g.agents.includes(agent.toLowerCase()));
  return (own ?? groups.find((g) => g.agents.includes('*')))!.rules;
}

describe('robots.txt', () => {
  it('opens the site, closes staff and private paths, names both sitemaps', () => {
    const txt = robotsTxt({ blockAiCrawlers: false });
    expect(rulesFor(txt, 'Googlebot')).toEqual(['Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /search', 'Disallow: /preview/']);
    expect(rulesFor(txt, 'GPTBot')).toContain('Allow: /');
    expect(txt).toContain(`Sitemap: ${siteUrl()}/sitemap.xml\n`);
    expect(txt).toContain(`Sitemap: ${siteUrl()}/news-sitemap.xml\n`);
  });

  it('shuts out AI training crawlers when the setting is on, and only them', () => {
    const txt = robotsTxt({ blockAiCrawlers: true });
    for (const bot of ['GPTBot', 'CCBot', 'Google-Extended', 'ClaudeBot', 'PerplexityBot']) expect(rulesFor(txt, bot), bot).toEqual(['Disallow: /']);
    expect(rulesFor(txt, 'Googlebot')).toContain('Allow: /');
    expect(rulesFor(txt, 'Bingbot')).toContain('Allow: /');
  });
});
