import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  API_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  // An empty value means unset, as in a copied .env.example.
  DATABASE_URL: z.preprocess((v) => v || undefined, z.url().optional()),
  REDIS_URL: z.preprocess((v) => v || undefined, z.url().optional()),
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
  SESSION_SECRET: z.preprocess((v) => v || undefined, z.string().min(16).optional()),
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
  return {
    ...result.data,
    SESSION_SECRET: result.data.SESSION_SECRET ?? developmentSessionSecret,
  };
}
