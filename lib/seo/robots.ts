/** robots.txt (issue 6): the site open to crawlers, staff and private paths closed, sitemaps named. */
import { absoluteUrl, sitemapPaths } from './urls';

/**
 * Crawlers that collect text for training AI models, blocked when the `blockAiCrawlers` setting is
 * on. Search crawlers (Googlebot, Bingbot) are unaffected: Google-Extended and Applebot-Extended
 * are the tokens those companies honour for training use only.
 */
export const AI_CRAWLERS = [
  'GPTBot',
  'ChatGPT-User',
  'OAI-SearchBot',
  'CCBot',
  'Google-Extended',
  'Applebot-Extended',
  'anthropic-ai',
  'ClaudeBot',
  'Claude-Web',
  'PerplexityBot',
  'Bytespider',
  'Amazonbot',
  'meta-externalagent',
  'FacebookBot',
  'cohere-ai',
  'Diffbot',
  'Omgilibot',
  'ImagesiftBot',
  'Timpibot',
  'YouBot',
] as const;

/** Paths no crawler needs: the newsroom, the API, search results, previews. */
export const DISALLOWED = ['/admin', '/api/', '/search', '/preview/'] as const;

export function robotsTxt({ blockAiCrawlers }: { blockAiCrawlers: boolean }): string {
  const lines = ['User-agent: *', 'Allow: /', ...DISALLOWED.map((p) => `Disallow: ${p}`), ''];
  if (blockAiCrawlers) {
    lines.push('# AI training crawlers (site setting "Block AI crawlers")');
    for (const agent of AI_CRAWLERS) lines.push(`User-agent: ${agent}`);
    lines.push('Disallow: /', '');
  }
  lines.push(`Sitemap: ${absoluteUrl(sitemapPaths.index)}`, `Sitemap: ${absoluteUrl(sitemapPaths.news)}`, '');
  return lines.join('\n');
}
