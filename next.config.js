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
