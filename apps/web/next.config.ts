import type { NextConfig } from 'next';

// The /api/trpc proxy is a route handler (src/app/api/trpc), so API_URL is read at start-up.
const config: NextConfig = {
  poweredByHeader: false,
};

export default config;
