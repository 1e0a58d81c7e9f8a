import type { NextConfig } from 'next';

// Headers every response carries, pages and /api/trpc alike; the Content-Security-Policy needs a
// fresh nonce per page, so src/proxy.ts sets it.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // For browsers that predate CSP's frame-ancestors.
  { key: 'X-Frame-Options', value: 'DENY' },
];

// The /api/trpc proxy is a route handler (src/app/api/trpc), so API_URL is read at start-up.
const config: NextConfig = {
  poweredByHeader: false,
  // The input schemas the forms share with the API are TypeScript source, like every package.
  transpilePackages: ['@garage/validators'],
  // `pnpm typecheck` (tsc over every package, in CI before any build) checks the types; the
  // build need not check them a second time on the way to every start.
  typescript: { ignoreBuildErrors: true },
  // A CI machine builds once from a clean clone and throws the build's cache away; writing it
  // there costs half a minute for nothing. Elsewhere it makes the next build faster.
  experimental: { turbopackFileSystemCacheForBuild: !process.env.CI },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default config;
