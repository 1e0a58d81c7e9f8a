import type { NextConfig } from 'next';
import { apiUrl } from './src/env';

const config: NextConfig = {
  // Same-origin proxy: the browser calls /api/trpc, so the API's session cookie just works.
  async rewrites() {
    return [{ source: '/api/trpc/:path*', destination: `${apiUrl}/trpc/:path*` }];
  },
  poweredByHeader: false,
};

export default config;
