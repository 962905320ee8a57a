import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The front layer buffers and rewrites reader HTML, then compresses it itself (DESIGN §8.1).
  compress: false,
  // Metadata rendered blocking in <head> for every client, not streamed into <body> (DESIGN §8.2).
  htmlLimitedBots: /.*/,
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm run typecheck` (part of `npm run check`) type-checks; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // Native drivers are loaded by Node, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'sharp'],
  images: {
    // Our own sharp variants under /media (DESIGN §8.9).
    loader: 'custom',
    loaderFile: './lib/image-loader.ts',
  },
  // Crawler files and feeds (DESIGN §4) are served by route handlers under app/%5Fbroadsheet:
  // a dynamic segment followed by a file name (`/{section}/feed.xml`) cannot live beside the reader
  // pages' own dynamic routes, and `/robots.txt`/`/sitemap.xml` folders would clash with Next's
  // metadata files. These run before dynamic routes, so they win over `[section]/[slug]`.
  async rewrites() {
    const internal = '/_broadsheet';
    return [
      { source: '/robots.txt', destination: `${internal}/robots` },
      { source: '/sitemap.xml', destination: `${internal}/sitemap` },
      { source: '/news-sitemap.xml', destination: `${internal}/news-sitemap` },
      { source: '/sitemaps/:name.xml', destination: `${internal}/sitemaps/:name` },
      { source: '/:format(feed|atom).xml', destination: `${internal}/feed/:format` },
      { source: '/tag/:slug/:format(feed|atom).xml', destination: `${internal}/feed/:format/tag/:slug` },
      { source: '/author/:slug/:format(feed|atom).xml', destination: `${internal}/feed/:format/author/:slug` },
      { source: '/:section/:format(feed|atom).xml', destination: `${internal}/feed/:format/section/:section` },
      { source: '/:section/:sub/:format(feed|atom).xml', destination: `${internal}/feed/:format/section/:section/:sub` },
    ];
  },
};

export default nextConfig;

// ops (ADR 009): several instances must never serve each other's stale data, so Next's own server
// cache stores nothing (our front layer caches reader pages and is invalidated across instances),
// and its per-instance in-memory copies are sized to zero.
nextConfig.cacheHandler = fileURLToPath(new URL('./lib/next-cache-handler.js', import.meta.url));
nextConfig.cacheMaxMemorySize = 0;
