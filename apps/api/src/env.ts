import { z } from 'zod';
import { trustEntryProblem } from './http/client-address';
import { defaultRequestLimits } from './http/limits';
import { defaultLiveLimits, defaultLiveReplayEvents } from './services/live/live-hub';

// An empty value means unset, as in a copied .env.example.
const unsetWhenEmpty = (value: unknown) => value || undefined;

/** TRUST_PROXY: comma-separated addresses, CIDRs or range names; each entry is checked. */
const trustedProxies = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries) {
      const problem = trustEntryProblem(entry);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  DATABASE_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
  REDIS_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
  CACHE_NAMESPACE: z.string().min(1).default('garage'),
  // Bytes of cached responses each API process keeps in memory (L1); 0 keeps none, so every
  // hit is read from Redis.
  CACHE_L1_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  // `off` turns cached reads off (every read loads; invalidations still run): for diagnosis
  // and the load benchmarks' baseline.
  CACHE_TIERS: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.preprocess(unsetWhenEmpty, z.string().min(16).optional()),
  // Peers whose X-Forwarded-For is believed; unset trusts none (the socket's address counts).
  TRUST_PROXY: trustedProxies,
  // The bearer token /metrics asks for; unset, /metrics answers loopback clients only.
  METRICS_TOKEN: z.preprocess(unsetWhenEmpty, z.string().min(16).optional()),
  MAX_BATCH_SIZE: z.coerce.number().int().min(1).default(defaultRequestLimits.maxBatchSize),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(defaultRequestLimits.maxBodyBytes),
  // Live streams (one per signed-in page) a session, and this instance, may hold open.
  LIVE_MAX_STREAMS_PER_SESSION: z.coerce
    .number()
    .int()
    .min(1)
    .default(defaultLiveLimits.perSession),
  LIVE_MAX_STREAMS: z.coerce.number().int().min(1).default(defaultLiveLimits.perInstance),
  // The latest invalidations kept (in Redis, shared by the instances) for a page's stream to
  // replay from the position its render saw; a page older than that refetches all it shows.
  LIVE_REPLAY_EVENTS: z.coerce.number().int().min(1).default(defaultLiveReplayEvents),
  // With DATABASE_URL, seed the demo accounts into an empty database at start-up (the
  // embedded database always is); never in production, whose seed refuses the demo password.
  SEED_DEMO_DATA: z.preprocess(unsetWhenEmpty, z.stringbool().default(false)),
  // Messages to customers: the SMTP server (smtp://user:pass@host:587, smtps://...); unset keeps
  // every message as "not sent: no mail server configured".
  SMTP_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
  MAIL_FROM: z.string().min(3).default('Garage <garage@localhost>'),
  // The web app as customers reach it: where the links in messages point (unset: this machine's
  // WEB_PORT).
  PUBLIC_WEB_URL: z.preprocess(unsetWhenEmpty, z.url().optional()),
  WEB_PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});

export type Env = Omit<z.infer<typeof schema>, 'SESSION_SECRET'> & { SESSION_SECRET: string };

// Outside production a fixed secret keeps sessions valid across restarts of a dev machine.
const developmentSessionSecret = 'garage-development-only-session-secret';

/** Parses the API's environment once; a bad value stops start-up with the variable named. */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid environment: ${problems.join('; ')}`);
  }
  if (result.data.NODE_ENV === 'production' && !result.data.SESSION_SECRET) {
    throw new Error('invalid environment: SESSION_SECRET is required in production');
  }
  if (result.data.NODE_ENV === 'production' && result.data.SEED_DEMO_DATA) {
    throw new Error(
      'invalid environment: SEED_DEMO_DATA cannot be used in production (the demo password is public)',
    );
  }
  return {
    ...result.data,
    SESSION_SECRET: result.data.SESSION_SECRET ?? developmentSessionSecret,
  };
}
