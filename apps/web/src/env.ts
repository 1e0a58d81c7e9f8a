import { z } from 'zod';

/** The web app's settings, parsed once; nothing else reads process.env. */
const schema = z.object({
  API_URL: z.string().url().default('http://127.0.0.1:4000'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SHOW_DEMO_ACCOUNTS: z.enum(['true', 'false']).optional(),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // The same defaults as the API's own limits, so neither refuses what the other accepts.
  WEB_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  WEB_MAX_BATCH: z.coerce.number().int().positive().default(20),
});

const parsed = schema.parse({
  API_URL: process.env.API_URL,
  NODE_ENV: process.env.NODE_ENV,
  SHOW_DEMO_ACCOUNTS: process.env.SHOW_DEMO_ACCOUNTS,
  WEB_PORT: process.env.WEB_PORT,
  WEB_MAX_BODY_BYTES: process.env.WEB_MAX_BODY_BYTES,
  WEB_MAX_BATCH: process.env.WEB_MAX_BATCH,
});

/** Where the web server reaches the API; the browser goes through our /api/trpc proxy route. */
export const apiUrl = parsed.API_URL.replace(/\/$/, '');

/** The port src/server.ts listens on. */
export const webPort = parsed.WEB_PORT;

/** Whether Next.js runs in development mode (the CSP then allows React's debugging `eval`). */
export const isDevelopment = parsed.NODE_ENV === 'development';

/** The largest request body the /api/trpc proxy forwards, in bytes (413 above it). */
export const maxBodyBytes = parsed.WEB_MAX_BODY_BYTES;

/** The most procedures one batched /api/trpc request may name (413 above it, as a whole). */
export const maxBatch = parsed.WEB_MAX_BATCH;

/**
 * Whether the sign-in page lists the seeded demo accounts: yes outside production, and in
 * production only with SHOW_DEMO_ACCOUNTS=true (`pnpm --filter @garage/web start` always runs
 * as production).
 */
export const showDemoAccounts =
  parsed.SHOW_DEMO_ACCOUNTS === undefined
    ? parsed.NODE_ENV !== 'production'
    : parsed.SHOW_DEMO_ACCOUNTS === 'true';
