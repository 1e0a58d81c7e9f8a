import { z } from 'zod';

/** The web app's settings, parsed once; nothing else reads process.env. */
const schema = z.object({
  API_URL: z.string().url().default('http://127.0.0.1:4000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SHOW_DEMO_ACCOUNTS: z.enum(['true', 'false']).optional(),
});

const parsed = schema.parse({
  API_URL: process.env.API_URL,
  NODE_ENV: process.env.NODE_ENV,
  SHOW_DEMO_ACCOUNTS: process.env.SHOW_DEMO_ACCOUNTS,
});

/** Where the web server reaches the API; the browser goes through our /api/trpc proxy route. */
export const apiUrl = parsed.API_URL.replace(/\/$/, '');

/**
 * Whether the sign-in page lists the seeded demo accounts: yes outside production, and in
 * production only with SHOW_DEMO_ACCOUNTS=true (`next start` always runs as production).
 */
export const showDemoAccounts =
  parsed.SHOW_DEMO_ACCOUNTS === undefined
    ? parsed.NODE_ENV !== 'production'
    : parsed.SHOW_DEMO_ACCOUNTS === 'true';
