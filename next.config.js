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
};

export default nextConfig;

// ops (ADR 009): several instances must never serve each other's stale data, so Next's own server
// cache stores nothing (our front layer caches reader pages and is invalidated across instances),
// and its per-instance in-memory copies are sized to zero.
nextConfig.cacheHandler = fileURLToPath(new URL('./lib/next-cache-handler.js', import.meta.url));
nextConfig.cacheMaxMemorySize = 0;
